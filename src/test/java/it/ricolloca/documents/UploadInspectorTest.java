package it.ricolloca.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.documents.internal.UploadInspector;
import it.ricolloca.shared.limits.WorkBudget;
import it.ricolloca.support.HostileDocuments;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** The dossier decides a file's type from its content and refuses what it must not keep. */
class UploadInspectorTest {

    final UploadInspector inspector = inspector(1024 * 1024);

    @Test
    void realPdfsPngsAndJpegsAreAcceptedWhateverTheirName() throws IOException {
        assertThat(inspector.inspect(new Upload("lettera.txt", pdf()))).isEqualTo("application/pdf");
        assertThat(inspector.inspect(new Upload("foto.pdf", image("png")))).isEqualTo("image/png");
        assertThat(inspector.inspect(new Upload("scansione", image("jpeg")))).isEqualTo("image/jpeg");
    }

    @Test
    void emptyOversizedMislabelledAndBrokenFilesAreRefused() throws IOException {
        assertRefused(new Upload("vuoto.pdf", new byte[0]), "document.upload.empty");
        assertRefused(new Upload("grande.pdf", new byte[1024 * 1024 + 1]), "document.upload.tooLarge");
        assertRefused(new Upload("pagina.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                "document.upload.type");
        assertRefused(new Upload("foglio.pdf", new byte[] {'P', 'K', 3, 4, 0, 0}), "document.upload.type");
        assertRefused(new Upload("rotto.pdf", "%PDF-1.7\nnon un pdf".getBytes(StandardCharsets.US_ASCII)),
                "document.upload.unreadable");
        byte[] png = image("png");
        byte[] truncated = java.util.Arrays.copyOf(png, 12);
        assertRefused(new Upload("troncato.png", truncated), "document.upload.unreadable");
    }

    @Test
    void pdfsWithScriptsAreRefused() throws IOException {
        assertRefused(new Upload("script.pdf", HostileDocuments.pdfRunningJavaScript()), "document.upload.pdfActive");
    }

    /** Found by probing: names spelt with #xx escapes in a nested, direct opening action passed a search for the words. */
    @Test
    void actionsHiddenBehindEscapedNamesInNestedDictionariesAreRefused() {
        assertRefused(new Upload("nascosto.pdf", HostileDocuments.pdfWithEscapedNestedActions()), "document.upload.pdfActive");
    }

    @Test
    void xfaFormsProgramAttachmentsAndScriptsInObjectStreamsAreRefused() throws IOException {
        assertRefused(new Upload("modulo.pdf", HostileDocuments.pdfWithXfaForm()), "document.upload.pdfActive");
        assertRefused(new Upload("allegato.pdf", HostileDocuments.pdfWithEmbeddedFile(true)), "document.upload.pdfActive");
        assertRefused(new Upload("compresso.pdf", HostileDocuments.pdfRunningJavaScriptFromObjectStream()),
                "document.upload.pdfActive");
    }

    @Test
    void aPdfCarryingADataFileIsKept() throws IOException {
        assertThat(inspector.inspect(new Upload("fattura.pdf", HostileDocuments.pdfWithEmbeddedFile(false))))
                .isEqualTo("application/pdf");
        assertThat(inspector.inspect(new Upload("semplice.pdf", HostileDocuments.rawPdf(
                "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")))).isEqualTo("application/pdf");
    }

    /** A node busy checking other large files says so instead of running out of memory; the same file passes later. */
    @Test
    void aNodeWhoseMemoryIsLentElsewhereRefusesForNowAndAcceptsLater() throws IOException {
        WorkBudget budget = new WorkBudget(8L * 1024 * 1024);
        UploadInspector small = inspector(4 * 1024 * 1024, budget);
        byte[] pdf = java.util.Arrays.copyOf(pdf(), 1024 * 1024);
        WorkBudget.Reservation others = budget.reserve(6L * 1024 * 1024);
        assertThatThrownBy(() -> small.inspect(new Upload("attesa.pdf", pdf)))
                .isInstanceOf(it.ricolloca.shared.limits.NodeBusyException.class);
        others.close();
        assertThat(budget.used()).isZero();
        assertThat(small.inspect(new Upload("attesa.pdf", pdf))).isEqualTo("application/pdf");
        assertThat(budget.used()).as("every reservation given back").isZero();
    }

    @Test
    void anImageDeclaringHugeDimensionsIsRefusedWithoutDecodingIt() throws IOException {
        assertRefused(new Upload("bomba.png", HostileDocuments.pngDeclaringHugeDimensions()),
                "document.upload.imageTooLarge");
    }

    @Test
    void storedNamesLoseTheirPathsAndTakeTheExtensionOfTheRealType() {
        assertThat(Dossier.safeName("../../etc/passwd", "application/pdf")).isEqualTo("passwd.pdf");
        assertThat(Dossier.safeName("C:\\Users\\x\\foto.exe", "image/png")).isEqualTo("foto.png");
        assertThat(Dossier.safeName("\u202Egnp.exe", "image/jpeg")).isEqualTo("_gnp.jpg");
        assertThat(Dossier.safeName("", "application/pdf")).isEqualTo("documento.pdf");
        assertThat(Dossier.safeName("....", "application/pdf")).isEqualTo("documento.pdf");
    }

    private void assertRefused(Upload upload, String key) {
        assertThatThrownBy(() -> inspector.inspect(upload)).isInstanceOf(RejectedUploadException.class).hasMessage(key);
    }

    private static UploadInspector inspector(int max) {
        return inspector(max, new WorkBudget(64L * 1024 * 1024));
    }

    private static UploadInspector inspector(int max, WorkBudget budget) {
        try {
            var constructor = UploadInspector.class.getDeclaredConstructor(int.class, WorkBudget.class);
            constructor.setAccessible(true);
            return constructor.newInstance(max, budget);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
