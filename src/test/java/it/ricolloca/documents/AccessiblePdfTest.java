package it.ricolloca.documents;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.Pacts;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.VeraPdf;
import it.ricolloca.training.TrainingContent;
import it.ricolloca.training.internal.TrainingCertificates;
import it.ricolloca.training.internal.TrainingWork;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every kind of document the application generates (the notice of rejection, the decision letter, the
 * pact, the timesheet, the activation diary and the training certificate), made as the workflows make
 * them and checked by veraPDF against PDF/A-3a and PDF/UA-1 with no rule failed; PDFBox reads back
 * that each is tagged, in Italian, titled, embeds every font, and keeps its whole body in one element of the
 * structure tree (openhtmltopdf tags a floated block after the body, out of the reading order).
 */
@IntegrationTest
class AccessiblePdfTest {

    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired RequestWorkflow workflow;
    @Autowired RequestQueries queries;
    @Autowired Dossier dossier;
    @Autowired PathwayWork pathways;
    @Autowired Pacts pacts;
    @Autowired Meetings meetings;
    @Autowired TrainingWork training;
    @Autowired TrainingCertificates certificates;

    @Test
    void everyGeneratedDocumentIsTaggedPdfA3aAndPdfUa1ByVeraPdf() throws Exception {
        Map<String, byte[]> documents = everyKind();
        assertThat(documents).hasSize(6);
        StringBuilder failures = new StringBuilder();
        for (Map.Entry<String, byte[]> d : documents.entrySet()) {
            for (PDFAFlavour flavour : List.of(PDFAFlavour.PDFA_3_A, PDFAFlavour.PDFUA_1)) {
                for (String rule : VeraPdf.failedRules(d.getValue(), flavour)) {
                    failures.append(d.getKey()).append(" / ").append(flavour.getId()).append(": ").append(rule).append('\n');
                }
            }
            assertTaggedTitledItalianEmbedded(d.getKey(), d.getValue());
        }
        assertThat(failures.toString()).as("veraPDF failed rules").isEmpty();
    }

    @Test
    void veraPdfFailsAnUntaggedPdf() throws Exception {
        try (PDDocument plain = new PDDocument()) {
            plain.addPage(new PDPage());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            assertThat(VeraPdf.failedRules(out.toByteArray(), PDFAFlavour.PDFUA_1)).as("the validator can fail").isNotEmpty();
            assertThat(VeraPdf.failedRules(out.toByteArray(), PDFAFlavour.PDFA_3_A)).isNotEmpty();
        }
    }

    private Map<String, byte[]> everyKind() {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        CurrentUser master = released.user("master.torino");
        CurrentUser tutor = released.user("tutor.torino");

        long request = released.noticed("master.torino", "Accessibile", "Giulia");
        documents.put("notice letter", dossier.content(queries.load(master, request).getRejectionNoticeLetterId())
                .orElseThrow().bytes());
        workflow.recordObservation(master, request, queries.load(master, request).getVersion(), Dates.today(),
                "Chiedo di poter iniziare subito", List.of());
        workflow.reject(master, request, queries.load(master, request).getVersion(), "Altra politica attiva in corso",
                "Il tirocinio prosegue oltre la data della decisione");
        documents.put("decision letter", dossier.content(queries.load(master, request).getRejectionDecisionLetterId())
                .orElseThrow().bytes());

        long pathway = closed.started(closed.newTorinoOffice(), "Accessibile", "Piero", 3);
        pacts.saveDraft(master, pathway, closed.version(pathway), List.of(new PactAction(PactActionKind.CV,
                "Curriculum secondo la L. 241/1990", Dates.today().plusDays(7))), "Ogni martedì");
        meetings.addDiaryEntry(tutor, pathway, closed.version(pathway), DiaryAction.CV, Dates.today().minusDays(1),
                "Curriculum europeo", null, null, "Completato", DiaryEntry.Source.PAPER_DIARY);
        documents.put("pact", pathways.pactPdf(master, pathway, 1));
        documents.put("timesheet", pathways.timesheetPdf(master, pathway));
        documents.put("diary", pathways.diaryPdf(tutor, pathway));

        CurrentUser regione = released.user("regione");
        long course = training.createCourse(regione, "Accessibilità dei documenti", TrainingContent.CONDITIONALITY, null,
                new BigDecimal("2"));
        long session = training.addSession(regione, course, Dates.today(), LocalTime.of(9, 0), LocalTime.of(11, 0),
                "Sala C, Torino", false, "Docente Quattro", 5);
        long enrolment = training.enrol(regione, session, "tutor.torino");
        training.recordAttendance(regione, session, training.session(session).version(), Map.of(enrolment, true));
        documents.put("training certificate", certificates.render(training.certificateOf(tutor, enrolment),
                training.session(session)));
        return documents;
    }

    private static void assertTaggedTitledItalianEmbedded(String what, byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).as(what + " marked").isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).as(what + " marked").isTrue();
            assertThat(catalog.getStructureTreeRoot()).as(what + " structure tree").isNotNull();
            List<Object> root = catalog.getStructureTreeRoot().getKids();
            assertThat(root).as(what + " one document element").hasSize(1);
            assertThat(((PDStructureElement) root.get(0)).getKids()).as(what + " in reading order: no block (a float)"
                    + " taken out of the flow and put after the body").hasSize(1);
            assertThat(catalog.getLanguage()).as(what + " language").isEqualTo("it");
            assertThat(doc.getDocumentInformation().getTitle()).as(what + " title").isNotBlank();
            assertThat(catalog.getViewerPreferences()).as(what + " viewer preferences").isNotNull();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).as(what + " shows its title").isTrue();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(what + " font " + font.getName()).isTrue();
                }
            }
        }
    }
}
