package it.ricolloca.requests;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.documents.Dossier;
import it.ricolloca.network.JobCentre;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.internal.NetworkAdministration;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.internal.Pacts;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The letters read back with PDFBox: the notice of rejection, the decision letter, the pact and the
 * timesheet carry the letterhead of the regional agency and the CPI with its address, a protocol line,
 * the responsible officer named on the CPI's record and the worker's residence; a law reference and a
 * date are never split over two lines; the decision letter quotes the observations and answers them.
 */
@IntegrationTest
class LettersTest {

    static final String OFFICER = "Dott.ssa Vittoria Procedimenti";
    static final String ADDRESS = "Via delle Lettere 12, 10121 Torino";

    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired RequestWorkflow workflow;
    @Autowired RequestQueries queries;
    @Autowired Dossier dossier;
    @Autowired NetworkAdministration network;
    @Autowired PathwayWork pathways;
    @Autowired Pacts pacts;
    @Autowired JdbcClient jdbc;
    @Autowired JobCentres centres;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    CurrentUser master;

    @BeforeEach
    void torinoNamesItsOfficer() {
        master = released.user("master.torino");
        JobCentre c = network.get(master.centreId());
        network.update(c.getId(), c.getVersion(), c.getCode(), c.getName(), c.getOfficialName(), c.getProvince(),
                c.getEmail(), c.getNameVariants(), ADDRESS, OFFICER);
    }

    @Test
    void theNoticeAndTheDecisionCarryTheLetterheadAndTheDecisionAnswersTheObservations() throws Exception {
        long id = released.noticed("master.torino", "Lettere", "Giulia");
        long worker = queries.load(master, id).getWorkerId();
        jdbc.sql("update workers_worker set residence_municipality = 'Moncalieri' where id = ?").param(worker).update();

        String notice = text(dossier.content(queries.load(master, id).getRejectionNoticeLetterId()).orElseThrow().bytes());
        assertLetter(notice);
        assertThat(notice).contains("Giulia Lettere", "giulia@example.org", "Altra politica attiva in corso");

        workflow.recordObservation(master, id, queries.load(master, id).getVersion(), Dates.today(),
                "Il tirocinio finisce a fine mese e chiedo di poter iniziare subito", List.of());
        workflow.reject(master, id, queries.load(master, id).getVersion(), "Altra politica attiva in corso alla decisione",
                "Il tirocinio prosegue oltre la data della decisione: la richiesta non può essere accolta ora");
        VoucherRequest rejected = queries.load(master, id);
        assertThat(rejected.getRejectionDecisionLetterId()).isNotNull();
        String decision = text(dossier.content(rejected.getRejectionDecisionLetterId()).orElseThrow().bytes());
        assertLetter(decision);
        assertThat(oneLine(decision)).contains("Provvedimento di rigetto", "Residente a Moncalieri",
                "Il tirocinio finisce a fine mese e chiedo di poter iniziare subito",
                "Motivi per cui le osservazioni non sono accolte",
                "Il tirocinio prosegue oltre la data della decisione: la richiesta non può essere accolta ora",
                "Altra politica attiva in corso alla decisione", "è rigettata");
        assertThat(lines(decision)).anyMatch(l -> l.contains(Dates.format(Dates.today())));
    }

    @Test
    void thePactAndTheTimesheetCarryTheLetterheadAndTheWorkersResidence() throws Exception {
        long id = closed.started(closed.newTorinoOffice(), "Lettere", "Piero", 3);
        jdbc.sql("update workers_worker set residence_municipality = 'Chieri' where id = ?")
                .param(pathways.get(master, id).getWorkerId()).update();
        pacts.saveDraft(master, id, closed.version(id), List.of(new PactAction(PactActionKind.CV,
                "Curriculum secondo la L. 241/1990 e il D.Lgs. 150/2015", null)), "Ogni martedì");
        for (String letter : List.of(text(pathways.pactPdf(master, id, 1)), text(pathways.timesheetPdf(master, id)))) {
            assertThat(oneLine(letter)).contains("Agenzia Piemonte Lavoro", ADDRESS, OFFICER, "Prot. n.",
                    "Piero Lettere", "Residente a Chieri");
        }
        assertThat(lines(text(pathways.pactPdf(master, id, 1)))).anyMatch(l -> l.contains("L. 241/1990"))
                .anyMatch(l -> l.contains("D.Lgs. 150/2015"));
    }

    @Test
    void theRegionRecordsTheOfficerAndTheAddressOnTheCentresPageAndTheLetterheadReadsThem() throws Exception {
        // Novara as the demo loads it: no address of its own, so its letters print its first office's
        JobCentre c = network.get(released.user("master.novara").centreId());
        if (c.getAddress() == null) {
            String first = jdbc.sql("select coalesce(municipality, '') from network_office where centre_id = ?"
                    + " order by name limit 1").param(c.getId()).query(String.class).single();
            assertThat(centres.letterhead(c.getId()).orElseThrow().address()).endsWith(first);
        }
        String form = mvc.perform(get("/centres/" + c.getId() + "/edit").with(as(users, "regione"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("name=\"address\"", "name=\"responsibleOfficer\"");
        MockHttpServletResponse saved = mvc.perform(post("/centres/" + c.getId() + "/edit").with(csrfOnce())
                .with(as(users, "regione")).param("code", c.getCode()).param("name", c.getName())
                .param("officialName", c.getOfficialName()).param("province", c.getProvince()).param("email", c.getEmail())
                .param("variants", String.join("\n", c.getNameVariants())).param("address", "Piazza Martiri 1, 28100 Novara")
                .param("responsibleOfficer", "Dott. Mario Responsabile")
                .param("version", String.valueOf(network.get(c.getId()).getVersion()))).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(centres.letterhead(c.getId()).orElseThrow()).satisfies(h -> {
            assertThat(h.agencyName()).isEqualTo("Agenzia Piemonte Lavoro");
            assertThat(h.address()).isEqualTo("Piazza Martiri 1, 28100 Novara");
            assertThat(h.responsibleOfficer()).isEqualTo("Dott. Mario Responsabile");
        });
    }

    /** Letterhead, protocol, officer; the law reference and the dates on one line each. */
    private static void assertLetter(String text) {
        assertThat(oneLine(text)).contains("Agenzia Piemonte Lavoro", ADDRESS, "Prot. n.", "del",
                "Responsabile del procedimento: " + OFFICER);
        assertThat(lines(text)).as("L. 241/1990 on one line").anyMatch(l -> l.contains("L. 241/1990"));
        assertThat(oneLine(text)).doesNotContain("241 /1990", "241/ 1990");
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.replace('\u00a0', ' ').split("\\R")).toList();
    }

    private static String oneLine(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
