package it.ricolloca.training;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.StaleFormException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.training.internal.TrainingWork;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Enrolment rules (rights, other CPIs, capacity, duplicates, dates), attendance, the certificate
 * read back from its PDF, and the coverage of a CPI whose staff only this test creates (Susa).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingTest {

    @Autowired TrainingWork training;
    @Autowired UserAccountRepository users;
    @Autowired UserAdministration administration;
    @Autowired JobCentres centres;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    private CurrentUser regione;
    private CurrentUser masterSusa;

    @BeforeAll
    void staffOfSusa() {
        regione = user("regione");
        CentreSummary susa = centres.all().stream().filter(c -> c.code().equals("SUSA")).findFirst().orElseThrow();
        create("susa.master", "Marta Master", susa, Role.CPI_MASTER);
        create("susa.tutor", "Tullio Tutor", susa, Role.CPI_TUTOR);
        create("susa.referente", "Rita Referente", susa, Role.CPI_VACANCY_REFERENT);
        create("susa.operatore", "Oreste Operatore", susa, Role.CPI_OPERATOR);
        masterSusa = user("susa.master");
    }

    @Test
    void mastersEnrolTheirOwnStaffWithinCapacityAndOncePerCourse() {
        long course = training.createCourse(regione, "Condizionalità in pratica", TrainingContent.CONDITIONALITY, null,
                new BigDecimal("4"));
        long small = training.addSession(regione, course, Dates.today().plusDays(7), LocalTime.of(9, 0),
                LocalTime.of(13, 0), "Sala A, Torino", false, "Docente Uno", 2);
        long other = training.addSession(regione, course, Dates.today().plusDays(14), LocalTime.of(9, 0),
                LocalTime.of(13, 0), null, true, "Docente Due", 10);

        assertThatThrownBy(() -> training.enrol(user("tutor.torino"), small, "susa.tutor"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> training.enrol(masterSusa, small, "tutor.novara"))
                .hasMessage("training.enrol.otherCentre");
        assertThatThrownBy(() -> training.enrol(masterSusa, small, "nessuno.cosi")).hasMessage("training.enrol.unknownUser");
        assertThatThrownBy(() -> training.enrol(masterSusa, small, "adr.regione")).hasMessage("training.enrol.noCentre");
        training.enrol(masterSusa, small, String.valueOf(user("susa.operatore").id()));
        training.enrol(masterSusa, small, "susa.referente");
        assertThatThrownBy(() -> training.enrol(masterSusa, small, "susa.master")).hasMessage("training.enrol.full");
        assertThatThrownBy(() -> training.enrol(masterSusa, other, "susa.referente"))
                .as("one session per course").hasMessage("training.enrol.duplicate");
        assertThat(training.session(small).enrolled()).isEqualTo(2);
        assertThat(training.candidates(masterSusa, other)).extracting(m -> m.username())
                .containsExactlyInAnyOrder("susa.master", "susa.tutor");
        assertThat(training.enrolled(user("master.novara"), small)).as("another CPI sees none of them").isEmpty();

        long enrolment = training.enrolled(masterSusa, small).stream().filter(e -> e.username().equals("susa.referente"))
                .findFirst().orElseThrow().id();
        assertThatThrownBy(() -> training.withdraw(user("master.novara"), enrolment)).isInstanceOf(NotFoundException.class);
        training.withdraw(masterSusa, enrolment);
        training.enrol(masterSusa, other, "susa.referente");
        assertThatThrownBy(() -> training.recordAttendance(regione, other, training.session(other).version(), Map.of()))
                .hasMessage("training.attendance.future");
    }

    @Test
    void attendanceGivesACertificateAndCountsInTheCoverage() throws Exception {
        TrainingWork.Coverage before = susa();
        assertThat(before.tutors()).isEqualTo(1);
        assertThat(before.missing()).contains("Tullio Tutor", "Marta Master");

        long course = training.createCourse(regione, "Il diario di bordo", TrainingContent.ACTIVATION_DIARY, "Uso del diario",
                new BigDecimal("2.5"));
        long today = training.addSession(regione, course, Dates.today(), LocalTime.of(14, 0), LocalTime.of(16, 30),
                "Sala B, Susa", false, "Docente Tre", 5);
        training.enrol(regione, today, "susa.tutor");
        training.enrol(masterSusa, today, "susa.master");
        var enrolled = training.enrolled(regione, today);
        long tutor = enrolled.stream().filter(e -> e.username().equals("susa.tutor")).findFirst().orElseThrow().id();
        long master = enrolled.stream().filter(e -> e.username().equals("susa.master")).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> training.recordAttendance(masterSusa, today, training.session(today).version(),
                Map.of(tutor, true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> training.recordAttendance(regione, today, training.session(today).version() + 3,
                Map.of(tutor, true))).isInstanceOf(StaleFormException.class);
        training.recordAttendance(regione, today, training.session(today).version(), Map.of(tutor, true, master, false));

        TrainingWork.Coverage after = susa();
        assertThat(after.tutorsTrained()).isEqualTo(1);
        assertThat(after.mastersTrained()).isZero();
        assertThat(after.staffTrained()).isEqualTo(before.staffTrained() + 1);
        assertThat(after.missing()).contains("Marta Master").doesNotContain("Tullio Tutor");

        byte[] pdf = mvc.perform(get("/training/enrolments/" + tutor + "/certificate.pdf").with(as(userDetails, "susa.tutor")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Attestato di partecipazione", "Tullio Tutor", "CPI Susa", "Il diario di bordo",
                    "Diario di bordo delle attività", Dates.format(Dates.today()), "14:00", "2,5", "Docente Tre",
                    "Agenzia Piemonte Lavoro", "Prot. n.", "Responsabile del procedimento");
        }
        assertThat(status("/training/enrolments/" + tutor + "/certificate.pdf", "susa.master")).isEqualTo(200);
        assertThat(status("/training/enrolments/" + tutor + "/certificate.pdf", "master.novara")).isEqualTo(404);
        assertThat(status("/training/enrolments/" + master + "/certificate.pdf", "susa.master"))
                .as("absent: no certificate").isEqualTo(404);
        assertThat(status("/training/coverage", "adr.regione")).isEqualTo(200);
        assertThat(status("/training/coverage", "master.novara")).isEqualTo(403);
    }

    @Test
    void badFormsChangeNothing() throws Exception {
        assertThatThrownBy(() -> training.createCourse(regione, " ", TrainingContent.VACANCY_BOARD, null, new BigDecimal("3")))
                .hasMessage("training.course.title.required");
        assertThatThrownBy(() -> training.createCourse(regione, "Corso", null, null, new BigDecimal("3")))
                .hasMessage("training.course.content.required");
        assertThatThrownBy(() -> training.createCourse(regione, "Corso", TrainingContent.VACANCY_BOARD, null, BigDecimal.ZERO))
                .hasMessage("training.course.hours.invalid");
        assertThatThrownBy(() -> training.createCourse(masterSusa, "Corso", TrainingContent.VACANCY_BOARD, null, new BigDecimal("3")))
                .isInstanceOf(AccessDeniedException.class);
        long course = training.createCourse(regione, "Vetrina <script>alert(1)</script>", TrainingContent.VACANCY_BOARD,
                null, new BigDecimal("3"));
        assertThatThrownBy(() -> training.addSession(regione, course, Dates.today(), LocalTime.of(10, 0),
                LocalTime.of(9, 0), "Sala", false, "Docente", 5)).hasMessage("training.session.time.invalid");
        assertThatThrownBy(() -> training.addSession(regione, course, Dates.today(), LocalTime.of(9, 0),
                LocalTime.of(10, 0), " ", false, "Docente", 5)).hasMessage("training.session.place.required");
        assertThatThrownBy(() -> training.addSession(regione, course, Dates.today(), LocalTime.of(9, 0),
                LocalTime.of(10, 0), "Sala", false, "Docente", 0)).hasMessage("training.session.capacity.invalid");
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/training/courses/" + course + "/sessions").with(it.ricolloca.support.FormPosts.csrfOnce()).with(as(userDetails, "regione"))
                .param("onDate", Dates.today().toString()).param("start", "09:00").param("end", "10:00")
                .param("place", "Sala Tenace").param("trainer", "Docente Tenace").param("capacity", "0")).andReturn();
        assertThat(refused.getResponse().getStatus()).as("the course page again").isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("I posti devono essere un numero da 1 a 500.")
                .as("the typed form comes back").contains("value=\"" + Dates.today() + "\"", "value=\"09:00\"",
                        "value=\"10:00\"", "value=\"Sala Tenace\"", "value=\"Docente Tenace\"", "value=\"0\"");
        assertThat(training.sessions(course)).isEmpty();
        long past = training.addSession(regione, course, Dates.today().minusDays(2), LocalTime.of(9, 0),
                LocalTime.of(10, 0), "Sala", false, "Docente", 5);
        assertThatThrownBy(() -> training.enrol(regione, past, "susa.operatore")).hasMessage("training.enrol.past");
    }

    private TrainingWork.Coverage susa() {
        return training.coverage().stream().filter(c -> c.centre().equals("CPI Susa")).findFirst().orElseThrow();
    }

    private int status(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(userDetails, user))).andReturn().getResponse().getStatus();
    }

    private void create(String username, String fullName, CentreSummary centre, Role role) {
        if (users.findByUsername(username).isEmpty()) {
            administration.create(regione, username, fullName, username + "@example.org", centre.id(), Set.of(role),
                    "Formazione-2026!");
        }
    }

    private CurrentUser user(String name) {
        return users.findByUsername(name).orElseThrow().toCurrentUser();
    }
}
