package it.ricolloca.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Renders an XHTML page into a tagged PDF/A-3a document that is also PDF/UA-1, with the DejaVu Sans font
 * shipped with the application embedded, so the file is readable, archivable and accessible anywhere: the
 * page's {@code <title>} becomes the document's title (shown by the reader), its {@code lang} the document's
 * language, and its headings, lists and tables (with {@code <th scope>}) the structure tree. veraPDF checks
 * every kind of generated document in the tests (ADR 0033).
 */
@Service
public class PdfDocuments {

    public static final String FONT_FAMILY = "DejaVu Sans";

    private final byte[] regular = font("DejaVuSans.ttf");
    private final byte[] bold = font("DejaVuSans-Bold.ttf");
    private final byte[] colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfAConformance.PDFA_3_A);
            builder.usePdfUaAccessbility(true);
            builder.useColorProfile(colorProfile);
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(unbroken(xhtml), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The page with every date and every law reference (12/01/2026, L. 241/1990, D.Lgs. 150/2015,
     * art. 10-bis) kept on one line: the renderer breaks lines after a slash or at a space, which
     * split them as in "L. 241 /1990". Only the text of the body is touched, never a tag or an attribute.
     */
    static String unbroken(String xhtml) {
        int body = xhtml.indexOf("<body");
        if (body < 0) {
            return xhtml;
        }
        StringBuilder out = new StringBuilder(xhtml.length() + 256).append(xhtml, 0, body);
        Matcher tags = TAG.matcher(xhtml);
        int at = body;
        while (tags.find(at)) {
            out.append(keep(xhtml.substring(at, tags.start()))).append(tags.group());
            at = tags.end();
        }
        return out.append(keep(xhtml.substring(at))).toString();
    }

    private static String keep(String text) {
        return UNBREAKABLE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "<span style=\"white-space: nowrap\">" + m.group().replaceAll("\\s+", "\u00a0") + "</span>"));
    }

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** A date, or a number with a slash or a dash, with the law's abbreviations that precede it. */
    private static final Pattern UNBREAKABLE = Pattern.compile(
            "(?:(?<!\\p{L})(?:artt?\\.|comma|lett\\.|legge|L\\.|D\\.\\s?Lgs\\.|d\\.\\s?lgs\\.|D\\.L\\.|D\\.P\\.R\\.|DPR|Reg\\.|n\\.|Prot\\.)[\\s\u00a0]+)*"
                    + "\\d+(?:[/-]\\d+)+(?:-?(?:bis|ter|quater))?|(?<!\\p{L})(?:artt?\\.|L\\.|n\\.)[\\s\u00a0]+\\d+(?:-?(?:bis|ter|quater))?");

    private static byte[] font(String name) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
