package it.ricolloca.me;

import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.WorkerSessions;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.internal.VacancyBoard;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The worker's diary, appointments and offers pages (issue 22) through the web, as worker A and worker B: A
 * adds a diary line with its proof, downloads an appointment's calendar file, asks to move it and marks an
 * offer as interesting; B reaches none of A's ids (404); the tutor sees A's line marked as the worker's.
 */
@IntegrationTest
class WorkerActsPagesTest {

    @Autowired MockMvc mvc;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork work;
    @Autowired Agenda agenda;
    @Autowired VacancyBoard board;
    @Autowired WorkerSessions sessions;
    @Autowired UserDetailsService users;

    @Test
    void workerAActsOnTheirOwnPagesAndWorkerBReachesNoneOfAsIds() throws Exception {
        CurrentUser tutor = released.user("tutor.torino");
        long office = closed.newTorinoOffice();
        long pathwayA = closed.started(office, "Pagine", "Annunziata", 4);
        long pathwayB = closed.started(office, "Pagine", "Bonifacio", 4);
        Pathway a = work.get(tutor, pathwayA);
        RequestPostProcessor workerA = WorkerSessions.as(sessions.principal(a.getWorkerId()));
        WorkerPrincipal principalB = sessions.principal(work.get(tutor, pathwayB).getWorkerId());
        RequestPostProcessor workerB = WorkerSessions.as(principalB);

        // the diary: a line of part B with its proof
        mvc.perform(multipart(MeRoutes.DIARY).file(new MockMultipartFile("proof", "mail.pdf", "application/pdf",
                ClosedPathways.pdf())).param("action", "SPONTANEOUS_APPLICATION")
                .param("onDate", Dates.today().toString()).param("how", "Posta elettronica")
                .param("company", "assunzioni@pagine.example").param("profile", "Commessa").param("outcome", "In attesa")
                .with(workerA).with(csrfOnce())).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(302));
        long line = work.get(tutor, pathwayA).getDiary().get(0).getId();
        assertThat(page(MeRoutes.DIARY, workerA)).contains("assunzioni@pagine.example", "Inserita da te");
        assertThat(page("/me/diario/" + line, workerA)).contains("Salva le modifiche", "Posta elettronica");
        assertThat(status(get("/me/diario/" + line + "/prova").with(workerA))).isEqualTo(200);
        assertThat(status(get("/me/diario/" + line).with(workerB))).isEqualTo(404);
        assertThat(status(get("/me/diario/" + line + "/prova").with(workerB))).isEqualTo(404);
        assertThat(status(post("/me/diario/" + line).param("action", "CV").param("onDate", Dates.today().toString())
                .with(workerB).with(csrfOnce()))).isEqualTo(404);
        assertThat(status(post("/me/diario/" + line + "/elimina").with(workerB).with(csrfOnce()))).isEqualTo(404);
        assertThat(page(MeRoutes.DIARY, workerB)).doesNotContain("assunzioni@pagine.example");
        // the tutor sees the line as the worker's
        String tutorDiary = mvc.perform(get("/pathways/" + pathwayA + "/diary").with(DemoUsers.as(users, "tutor.torino")))
                .andReturn().getResponse().getContentAsString();
        assertThat(tutorDiary).contains("assunzioni@pagine.example", "dichiarata dal lavoratore");

        // an appointment: its calendar file, the request to move it
        ZonedDateTime start = it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(Dates.today().plusDays(6))
                .atTime(LocalTime.of(11, 0)).atZone(Dates.ZONE);
        Appointment next = agenda.bookByContact(tutor, office, a.getWorkerId(), a.getRequestId(), AppointmentPurpose.MEETING,
                start, 45, "concordato al telefono", null);
        String ics = "/me/appuntamenti/" + next.getId() + "/calendario.ics";
        var icsResponse = mvc.perform(get(ics).with(workerA)).andReturn().getResponse();
        assertThat(icsResponse.getContentType()).startsWith("text/calendar");
        assertThat(icsResponse.getContentAsString()).startsWith("BEGIN:VCALENDAR");
        assertThat(status(get(ics).with(workerB))).isEqualTo(404);
        String move = "/me/appuntamenti/" + next.getId() + "/spostamento";
        assertThat(status(post(move).param("reason", "non mio").with(workerB).with(csrfOnce()))).isEqualTo(404);
        assertThat(page(MeRoutes.APPOINTMENTS, workerA)).contains("fino a 24 ore prima", "Chiedi di spostare");
        assertThat(page(MeRoutes.APPOINTMENTS, workerB)).doesNotContain("data-appointment=\"" + next.getId() + "\"");
        assertThat(status(post(move).param("reason", " ").with(workerA).with(csrfOnce()))).as("a reason is needed")
                .isEqualTo(200);
        assertThat(status(post(move).param("reason", "visita medica").with(workerA).with(csrfOnce()))).isEqualTo(302);
        assertThat(page(MeRoutes.APPOINTMENTS, workerA)).contains("In attesa della decisione del tutor", "visita medica");

        // an offer marked as interesting
        long vacancy = board.create(released.user("referente.torino"), new VacancyDetails(Dates.today(),
                "Commessa pagine personali", null, null, 1, "Negozio Pagine", null, null, null, null, null, null, null,
                null, tutor.centreId(), VacancySource.CPI, null, null, null, null, null, null, null, null, null, null))
                .getId();
        assertThat(mvc.perform(post("/me/offerte/" + vacancy + "/interesse").param("page", "2").with(workerA)
                .with(csrfOnce())).andReturn().getResponse().getRedirectedUrl()).as("back to the page it was marked on")
                .isEqualTo(MeRoutes.OFFERS + "?page=2");
        assertThat(page(MeRoutes.OFFERS, workerA)).contains("Le offerte che hai segnalato", "Commessa pagine personali");
        assertThat(page(MeRoutes.OFFERS, workerB)).doesNotContain("Le offerte che hai segnalato");
        assertThat(status(post("/me/offerte/" + vacancy + "/interesse").param("page", "seconda").with(workerA)
                .with(csrfOnce()))).as("marked twice (a page that is not a number is the first): the page says why")
                .isEqualTo(200);
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        var response = mvc.perform(get(path).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }
}
