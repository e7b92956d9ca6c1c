package it.ricolloca.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Real files built to be refused: a PDF that runs a script when opened, an image that claims to be huge. */
public final class HostileDocuments {

    private HostileDocuments() {
    }

    /** A one-page PDF whose opening action runs JavaScript. */
    public static byte[] pdfRunningJavaScript() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x')"));
            doc.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A PDF written by hand as an attacker writes it: the catalog's {@code /OpenAction} is a direct dictionary
     * whose {@code /Next} action launches a program and runs a script, the action names spelt with {@code #xx}
     * escapes ({@code /L#61unch}, {@code /J#61vaScript}, {@code /#4A#53}) that a search for the plain words
     * misses; PDF readers decode them and act.
     */
    public static byte[] pdfWithEscapedNestedActions() {
        return rawPdf(
                "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoTo /D [3 0 R /Fit] /Next [ << /S /L#61unch "
                        + "/F (calc.exe) >> << /S /J#61vaScript /#4A#53 (app.alert\\(1\\)) >> ] >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    }

    /** A PDF whose interactive form is an XFA form (its own scripting engine). */
    public static byte[] pdfWithXfaForm() {
        return rawPdf(
                "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA 4 0 R >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                "<< /Length 20 >>\nstream\n<xdp:xdp></xdp:xdp>\nendstream");
    }

    /** A PDF carrying an embedded file: a Windows program ({@code setup.exe}, "MZ…") or an XML invoice. */
    public static byte[] pdfWithEmbeddedFile(boolean program) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            byte[] content = program ? new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}
                    : "<?xml version=\"1.0\"?><Fattura/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile file =
                    new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc,
                            new java.io.ByteArrayInputStream(content));
            file.setSubtype(program ? "application/octet-stream" : "application/xml");
            org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification spec =
                    new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            spec.setFile(program ? "setup.exe" : "fattura.xml");
            spec.setEmbeddedFile(file);
            org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode tree =
                    new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of(program ? "setup.exe" : "fattura.xml", spec));
            org.apache.pdfbox.pdmodel.PDDocumentNameDictionary names =
                    new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A PDF saved with compressed object streams whose opening action, inside one, runs JavaScript. */
    public static byte[] pdfRunningJavaScriptFromObjectStream() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x')"));
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** A PDF assembled from the bodies of its objects (numbered from 1, the first is the catalog), with a true cross-reference table. */
    public static byte[] rawPdf(String... objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1).length;
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1).length;
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A real 20 × 10 PNG whose header, CRC included, declares 100,000 × 100,000 pixels. */
    public static byte[] pngDeclaringHugeDimensions() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] png = out.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 100_000);
        b.putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return png;
    }
}
