package it.ricolloca.security;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.internal.VacancyBoard;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each user sees of a worker what their work needs: a vacancy referent the candidate's name, place and fit
 * with the offer, never the codice fiscale nor the case file (register record, request, pathway, dossier,
 * breaches); and a CPI learns of another CPI's worker only that the worker is not its own.
 */
@IntegrationTest
class LeastPrivilegeTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork pathways;
    @Autowired VacancyBoard board;

    @Test
    void aVacancyReferentSeesWhatTheReferralNeedsAndNotTheCaseFile() throws Exception {
        long office = closed.newTorinoOffice();
        long pathway = closed.started(office, "Candidabile", "Ornella", 1);
        long request = closed.requestOf(pathway);
        String cf = released.taxCodeOf(request);
        long worker = pathways.get(released.user("master.torino"), pathway).getWorkerId();
        long vacancy = board.create(released.user("referente.torino"), new VacancyDetails(Dates.today(),
                "Addetta di prova", null, null, 1, "Azienda Riservata", null, null, null, null, null, null, null, null,
                released.user("master.torino").centreId(), VacancySource.CPI, null, null, null, null, null, null, null,
                null, null, null)).getId();

        String candidates = page("/vacancies/" + vacancy + "/candidates?page=0", "referente.torino");
        String all = candidates;
        for (int p = 1; !candidates.contains("Candidabile") && all.contains("page=" + p) && p < 50; p++) {
            candidates = page("/vacancies/" + vacancy + "/candidates?page=" + p, "referente.torino");
            all += candidates;
        }
        assertThat(all).as("the candidate, by name").contains("Candidabile Ornella").doesNotContain(cf)
                .doesNotContain("/pathways/" + pathway);
        for (String path : new String[] {"/workers/" + worker, "/requests/" + request, "/pathways/" + pathway,
                "/pathways/" + pathway + "/dossier/zip", "/pathways/" + pathway + "/diary/pdf", "/api/v1/workers/" + cf}) {
            assertThat(mvc.perform(get(path).with(as(users, "referente.torino"))).andReturn().getResponse().getStatus())
                    .as(path).isEqualTo(404);
            assertThat(mvc.perform(get(path).with(as(users, "master.torino"))).andReturn().getResponse().getStatus())
                    .as(path + " for the case's own staff").isEqualTo(200);
        }
        String home = page("/", "referente.torino");
        assertThat(home).doesNotContain("href=\"/workers\"", "href=\"/requests\"", "href=\"/pathways\"")
                .contains("href=\"/vacancies\"");
        assertThat(page("/workers", "reclutamenti.regione")).doesNotContain(cf);
    }

    @Test
    void anotherCpiLearnsOnlyThatTheWorkerIsNotItsOwn() throws Exception {
        String cf = released.taxCodeOf(released.release("master.torino", "Altrove", "Teodora"));
        String answer = mvc.perform(post("/workers").with(csrfOnce()).with(as(users, "master.novara")).param("taxCode", cf)
                .param("firstName", "Teodora").param("lastName", "Altrove")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("non tra i lavoratori del tuo CPI").doesNotContain("Torino");
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(as(users, user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
