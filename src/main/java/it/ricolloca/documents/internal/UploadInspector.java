package it.ricolloca.documents.internal;

import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides what an uploaded file really is from its first bytes, whatever its name says, and
 * refuses what the dossier must not keep: empty or oversized files, types other than PDF, PNG and
 * JPEG, unreadable or encrypted PDFs, PDFs carrying scripts or launch actions, and images whose
 * declared size would exhaust memory when shown.
 */
@Component
public class UploadInspector {

    static final long MAX_PIXELS = 40_000_000L;
    private static final String[] PDF_ACTIVE_CONTENT = {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/RichMedia"};

    private static final COSName[] ACTIVE_KEYS = {COSName.JS, COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES,
            COSName.getPDFName("RichMedia"), COSName.getPDFName("Launch")};

    private final int maxBytes;

    UploadInspector(@Value("${ricolloca.documents.max-upload-bytes:10485760}") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The real content type of an acceptable upload. */
    public String inspect(Upload upload) {
        byte[] b = upload.bytes();
        if (b == null || b.length == 0) {
            throw new RejectedUploadException("document.upload.empty", upload.fileName());
        }
        if (b.length > maxBytes) {
            throw new RejectedUploadException("document.upload.tooLarge", upload.fileName(), maxBytes / (1024 * 1024));
        }
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            checkPdf(upload);
            return "application/pdf";
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            checkImage(upload, "png");
            return "image/png";
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            checkImage(upload, "jpeg");
            return "image/jpeg";
        }
        throw new RejectedUploadException("document.upload.type", upload.fileName());
    }

    private void checkPdf(Upload upload) {
        String raw = new String(upload.bytes(), StandardCharsets.ISO_8859_1);
        for (String marker : PDF_ACTIVE_CONTENT) {
            if (raw.contains(marker)) {
                throw new RejectedUploadException("document.upload.pdfActive", upload.fileName());
            }
        }
        try (PDDocument pdf = Loader.loadPDF(upload.bytes())) {
            if (pdf.isEncrypted() || pdf.getNumberOfPages() == 0) {
                throw new RejectedUploadException("document.upload.unreadable", upload.fileName());
            }
            if (hasActiveContent(pdf)) {
                throw new RejectedUploadException("document.upload.pdfActive", upload.fileName());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedUploadException r) {
                throw r;
            }
            throw new RejectedUploadException("document.upload.unreadable", upload.fileName());
        }
    }

    /** Looks into every object, also those inside compressed object streams, for scripts and launch actions. */
    private static boolean hasActiveContent(PDDocument pdf) {
        COSDocument cos = pdf.getDocument();
        for (COSObjectKey key : cos.getXrefTable().keySet()) {
            COSBase base = cos.getObjectFromPool(key).getObject();
            if (base instanceof COSDictionary d && isActive(d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isActive(COSDictionary d) {
        for (COSName key : ACTIVE_KEYS) {
            if (d.containsKey(key)) {
                return true;
            }
        }
        COSName action = d.getCOSName(COSName.S);
        return COSName.JAVA_SCRIPT.equals(action) || COSName.getPDFName("Launch").equals(action);
    }

    private void checkImage(Upload upload, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload.bytes()))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new RejectedUploadException("document.upload.unreadable", upload.fileName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new RejectedUploadException("document.upload.imageTooLarge", upload.fileName());
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedUploadException r) {
                throw r;
            }
            throw new RejectedUploadException("document.upload.unreadable", upload.fileName());
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
