package it.ricolloca.documents;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.HostileDocuments;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.SignedFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Signed pacts arrive as CAdES envelopes (.p7m): a real envelope made here with BouncyCastle (a self-signed
 * certificate with a TINIT- fiscal number, SHA-256 with RSA) is uploaded in the dossier; the PDF inside it is
 * extracted, kept and downloadable, the envelope is kept as uploaded, and the dossier shows the signer, the
 * fiscal number and "firma integra". A byte changed after signing shows "firma non integra"; garbage named
 * .p7m, a nested envelope and a script inside an envelope are refused in Italian, nothing kept.
 */
@IntegrationTest
class SignedUploadTest {

    @Autowired ClosedPathways closed;
    @Autowired ReleasedWorkers released;
    @Autowired PathwayWork work;
    @Autowired Dossier dossier;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @Test
    void aSignedPactIsExtractedKeptWithItsEnvelopeAndShownAsIntactWithItsSigner() throws Exception {
        long pathway = closed.started(closed.newTorinoOffice(), "Firmato", "Patto", 2);
        long worker = work.get(released.user("tutor.torino"), pathway).getWorkerId();
        byte[] pdf = ClosedPathways.pdf();
        byte[] envelope = SignedFiles.cades(pdf);
        Instant before = Instant.now().minusSeconds(5);

        MvcResult r = upload(pathway, "patto-firmato.pdf.p7m", envelope);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);

        DossierDocument d = dossier.ofWorker(worker).get(0);
        assertThat(d.contentType()).isEqualTo("application/pdf");
        assertThat(d.fileName()).isEqualTo("patto-firmato.pdf");
        assertThat(d.sizeBytes()).isEqualTo(pdf.length);
        assertThat(d.envelope()).isNotNull();
        assertThat(d.envelope().intact()).isTrue();
        assertThat(d.envelope().signers()).isEqualTo(SignedFiles.SIGNER);
        assertThat(d.envelope().signerTaxCodes()).isEqualTo(SignedFiles.TAX_CODE);
        assertThat(d.envelope().signedAt()).isBetween(before, Instant.now().plus(Duration.ofSeconds(5)));
        assertThat(d.envelope().fileName()).isEqualTo("patto-firmato.pdf.p7m");

        byte[] content = mvc.perform(get("/pathways/" + pathway + "/dossier/" + d.id()).with(as(users, "tutor.torino")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(content).as("the extracted PDF is the one signed").isEqualTo(pdf);
        MvcResult kept = mvc.perform(get("/pathways/" + pathway + "/dossier/" + d.id() + "/p7m")
                .with(as(users, "tutor.torino"))).andReturn();
        assertThat(kept.getResponse().getContentAsByteArray()).as("the envelope is kept as uploaded").isEqualTo(envelope);
        assertThat(kept.getResponse().getContentType()).isEqualTo("application/pkcs7-mime");
        assertThat(mvc.perform(get("/pathways/" + pathway + "/dossier/" + d.id() + "/p7m").with(as(users, "tutor.novara")))
                .andReturn().getResponse().getStatus()).as("another CPI").isEqualTo(404);

        byte[] zip = mvc.perform(get("/pathways/" + pathway + "/dossier/zip").with(as(users, "tutor.torino"))).andReturn()
                .getResponse().getContentAsByteArray();
        java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.get("001-patto-firmato.pdf")).as("the ZIP carries the document").isEqualTo(pdf);
        assertThat(entries.get("001-patto-firmato.pdf.p7m")).as("and its envelope").isEqualTo(envelope);

        String page = mvc.perform(get("/pathways/" + pathway + "/dossier").with(as(users, "tutor.torino"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("firma integra", "Firmato digitalmente da Mario Rossi",
                "codice fiscale " + SignedFiles.TAX_CODE, "/dossier/" + d.id() + "/p7m", "Scarica il file firmato (.p7m)")
                .doesNotContain("firma non integra");
    }

    @Test
    void aBase64EnvelopeIsReadATamperedOneIsKeptAsNotIntactAndForgettingTheWorkerRemovesBoth() throws Exception {
        long pathway = closed.started(closed.newTorinoOffice(), "Firmato", "Base", 2);
        CurrentUser tutor = released.user("tutor.torino");
        byte[] pdf = ClosedPathways.pdf();
        DossierDocument pem = work.upload(tutor, pathway, DocumentKind.PACT_SIGNED, null,
                new Upload("patto.pdf.p7m", SignedFiles.pem(SignedFiles.cades(pdf))));
        assertThat(pem.envelope().intact()).isTrue();
        assertThat(dossier.content(pem.id()).orElseThrow().bytes()).isEqualTo(pdf);

        byte[] tampered = SignedFiles.tampered(SignedFiles.cades(pdf));
        DossierDocument broken = work.upload(tutor, pathway, DocumentKind.PACT_SIGNED, "Patto alterato",
                new Upload("patto-alterato.pdf.p7m", tampered));
        assertThat(broken.envelope().intact()).isFalse();
        assertThat(broken.envelope().signers()).isEqualTo(SignedFiles.SIGNER);
        assertThat(dossier.envelope(broken.id()).orElseThrow().bytes()).isEqualTo(tampered);
        assertThat(dossier.content(broken.id()).orElseThrow().bytes()).isNotEqualTo(pdf).hasSameSizeAs(pdf);

        String page = mvc.perform(get("/pathways/" + pathway + "/dossier").with(as(users, "tutor.torino"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("firma non integra", "data-signature=\"broken\"", "data-signature=\"intact\"");

        long worker = work.get(tutor, pathway).getWorkerId();
        dossier.forgetWorker(worker);
        assertThat(dossier.envelope(broken.id())).as("the envelope goes with the content").isEmpty();
        assertThat(dossier.ofWorker(worker)).allSatisfy(d -> {
            assertThat(d.envelope().signers()).doesNotContain("Rossi");
            assertThat(d.envelope().signerTaxCodes()).isNull();
        });
    }

    @Test
    void garbageNestedDetachedAndHostileEnvelopesAreRefusedInItalianAndNothingIsKept() throws Exception {
        long pathway = closed.started(closed.newTorinoOffice(), "Firmato", "Rifiuto", 2);
        long before = documents();
        byte[] nested = SignedFiles.cades(SignedFiles.cades(ClosedPathways.pdf()));
        byte[] script = SignedFiles.cades(HostileDocuments.pdfRunningJavaScript());
        byte[] truncated = Arrays.copyOf(SignedFiles.cades(ClosedPathways.pdf()), 200);
        List<Object[]> cases = List.of(
                new Object[] {"spazzatura.p7m", "questo non è un file firmato".getBytes(StandardCharsets.UTF_8),
                        "non è un file firmato CAdES (.p7m) leggibile"},
                new Object[] {"troncato.pdf.p7m", truncated, "non è un file firmato CAdES (.p7m) leggibile"},
                new Object[] {"doppio.pdf.p7m.p7m", nested, "firme annidate"},
                new Object[] {"script.pdf.p7m", script, "contiene script"},
                new Object[] {"pagina.html.p7m", SignedFiles.cades("<html></html>".getBytes(StandardCharsets.UTF_8)),
                        "non è un PDF, un PNG o un JPEG"});
        for (Object[] c : cases) {
            MvcResult r = upload(pathway, (String) c[0], (byte[]) c[1]);
            assertThat(r.getResponse().getStatus()).as((String) c[0]).isEqualTo(200);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).as((String) c[0]).contains((String) c[2]);
        }
        assertThat(documents()).isEqualTo(before);
        assertThatThrownBy(() -> dossier.inspect(new Upload("spazzatura.p7m", new byte[] {0x30, 0x03, 1, 2, 3})))
                .isInstanceOf(RejectedUploadException.class).hasMessage("document.upload.p7mMalformed");
    }

    private MvcResult upload(long pathway, String name, byte[] bytes) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart("/pathways/" + pathway + "/dossier")
                .file(new MockMultipartFile("file", name, "application/pkcs7-mime", bytes)).param("kind", "PACT_SIGNED")
                .with(csrfOnce()).with(as(users, "tutor.torino"))).andReturn();
    }

    private long documents() {
        return jdbc.sql("select count(*) from documents_document").query(Long.class).single();
    }
}
