package it.ricolloca.training;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.training.internal.TrainingWork;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The training forms as a user fills them: hours written the Italian way are stored and shown
 * right, a missing field comes back on the page with what was typed, a stale attendance form
 * changes nothing.
 */
@IntegrationTest
class TrainingFormsTest {

    private static final String STALE = "Il record è stato modificato da un altro utente mentre compilavi il modulo";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccountRepository accounts;
    @Autowired TrainingWork training;
    @Autowired JdbcClient jdbc;

    @Test
    void italianHoursAreStoredAndShownTheItalianWay() throws Exception {
        MvcResult done = send("/training", "regione", "title", "Ore all'italiana", "content", "CONDITIONALITY", "hours",
                "12,5", "description", "");
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        long course = Long.parseLong(done.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(jdbc.sql("select hours from training_course where id = ?").param(course).query(BigDecimal.class)
                .single()).isEqualByComparingTo("12.5");
        assertThat(page("/training/courses/" + course)).contains("12,5 ore").doesNotContain("12.5");
        assertThat(page("/training?q=italiana")).contains("<td>12,5</td>");
    }

    @Test
    void aBlankOrForeignFieldIsAnErrorOnTheFieldAndTheInputStays() throws Exception {
        MvcResult blank = send("/training", "regione", "title", " ", "content", "VACANCY_BOARD", "hours", "1,5",
                "description", "Descrizione tenuta");
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(blank.getResponse().getContentAsString()).contains("id=\"course-title-error\"", "value=\"1,5\"",
                "Descrizione tenuta");
        MvcResult foreign = send("/training", "regione", "title", "Ore straniere", "content", "VACANCY_BOARD", "hours",
                "1.5", "description", "Descrizione tenuta");
        assertThat(foreign.getResponse().getStatus()).isEqualTo(200);
        assertThat(foreign.getResponse().getContentAsString()).contains("id=\"course-hours-error\"", "value=\"1.5\"",
                "value=\"Ore straniere\"", "Numero non valido");
        assertThat(jdbc.sql("select count(*) from training_course where description = 'Descrizione tenuta'")
                .query(Long.class).single()).isZero();

        long course = training.createCourse(user("regione"), "Sessioni tenute", TrainingContent.VACANCY_BOARD, null,
                new BigDecimal("2"));
        MvcResult session = send("/training/courses/" + course + "/sessions", "regione", "onDate",
                Dates.today().plusDays(3).toString(), "start", "09:30", "end", "11:00", "place", "Sala Tenuta", "trainer",
                "", "capacity", "12");
        assertThat(session.getResponse().getStatus()).isEqualTo(200);
        assertThat(session.getResponse().getContentAsString()).contains("id=\"session-trainer-error\"",
                "value=\"Sala Tenuta\"", "value=\"09:30\"", "value=\"12\"", "value=\"" + Dates.today().plusDays(3) + "\"");
        assertThat(training.sessions(course)).isEmpty();

        long s = training.addSession(user("regione"), course, Dates.today().plusDays(3), LocalTime.of(9, 0),
                LocalTime.of(10, 0), "Sala", false, "Docente", 5);
        MvcResult enrol = send("/training/sessions/" + s + "/enrolments", "regione", "who", "");
        assertThat(enrol.getResponse().getStatus()).isEqualTo(200);
        assertThat(enrol.getResponse().getContentAsString()).contains("id=\"who-error\"");
        assertThat(training.session(s).enrolled()).isZero();
    }

    @Test
    void aStaleAttendanceFormSaysSoAndChangesNothing() throws Exception {
        CurrentUser regione = user("regione");
        long course = training.createCourse(regione, "Presenze contese", TrainingContent.CLAIM_PROCEDURES, null,
                new BigDecimal("1.5"));
        long s = training.addSession(regione, course, Dates.today(), LocalTime.of(9, 0), LocalTime.of(10, 0), "Sala",
                false, "Docente", 5);
        long tutor = training.enrol(regione, s, "tutor.novara");
        long old = training.session(s).version();
        training.recordAttendance(regione, s, old, Map.of(tutor, false));

        MvcResult stale = send("/training/sessions/" + s + "/attendance", "regione", "version", String.valueOf(old),
                "rows[0].enrolmentId", String.valueOf(tutor), "rows[0].attended", "true");
        assertThat(stale.getResponse().getStatus()).isEqualTo(200);
        assertThat(stale.getResponse().getContentAsString()).contains(STALE);
        assertThat(training.enrolled(regione, s)).singleElement().extracting(TrainingWork.Enrolled::attended)
                .isEqualTo(false);

        MvcResult done = send("/training/sessions/" + s + "/attendance", "regione", "version",
                String.valueOf(training.session(s).version()), "rows[0].enrolmentId", String.valueOf(tutor),
                "rows[0].attended", "true");
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(training.enrolled(regione, s)).singleElement().extracting(TrainingWork.Enrolled::attended)
                .isEqualTo(true);
    }

    @Test
    void staffArePickedFromTheListOfTheEligibleAndNoOneElse() throws Exception {
        CurrentUser regione = user("regione");
        long course = training.createCourse(regione, "Scelta dall'elenco", TrainingContent.VACANCY_BOARD, null,
                new BigDecimal("2"));
        long s = training.addSession(regione, course, Dates.today().plusDays(4), LocalTime.of(9, 0),
                LocalTime.of(10, 0), "Sala", false, "Docente", 5);
        long tutorNovara = accounts.findByUsername("tutor.novara").orElseThrow().getId();
        long tutorTorino = accounts.findByUsername("tutor.torino").orElseThrow().getId();

        String region = page("/training/sessions/" + s);
        assertThat(region).contains("<select", "name=\"who\"", "value=\"" + tutorNovara + "\"",
                "value=\"" + tutorTorino + "\"").doesNotContain("Nome utente della persona");
        String master = mvc.perform(get("/training/sessions/" + s).with(as(users, "master.novara"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(master).contains("value=\"" + tutorNovara + "\"").doesNotContain("value=\"" + tutorTorino + "\"");

        MvcResult typed = send("/training/sessions/" + s + "/enrolments", "regione", "who", "tutor.novara");
        assertThat(typed.getResponse().getStatus()).isEqualTo(200);
        assertThat(typed.getResponse().getContentAsString()).contains("id=\"who-error\"",
                "Scegli una persona dall'elenco");
        MvcResult otherCentre = send("/training/sessions/" + s + "/enrolments", "master.novara", "who",
                String.valueOf(tutorTorino));
        assertThat(otherCentre.getResponse().getContentAsString()).contains("id=\"who-error\"");
        assertThat(training.session(s).enrolled()).isZero();

        MvcResult picked = send("/training/sessions/" + s + "/enrolments", "regione", "who", String.valueOf(tutorNovara));
        assertThat(picked.getResponse().getStatus()).isEqualTo(302);
        assertThat(training.session(s).enrolled()).isEqualTo(1);
        assertThat(page("/training/sessions/" + s)).doesNotContain("value=\"" + tutorNovara + "\"");
    }

    private MvcResult send(String path, String user, String... fields) throws Exception {
        var request = MockMvcRequestBuilders.post(path).with(csrfOnce()).with(as(users, user));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(as(users, "regione"))).andReturn().getResponse().getContentAsString();
    }

    private CurrentUser user(String name) {
        return accounts.findByUsername(name).orElseThrow().toCurrentUser();
    }
}
