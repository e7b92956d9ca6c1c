package it.ricolloca.pathway;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pathway's forms as a user posts them: numbers typed the Italian way are stored as meant; a
 * refused or incomplete form comes back as its page with the error on the field and what was typed
 * kept; a form read at an older version saves nothing and says why.
 */
@IntegrationTest
class PathwayFormsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork work;
    @Autowired Messages messages;

    long office;

    @BeforeEach
    void office() {
        released.openEveryDay("master.torino");
        office = closed.newTorinoOffice();
    }

    @Test
    void hoursTypedTheItalianWayAreStoredAsMeant() throws Exception {
        long id = closed.started(office, "Moduli", "Ore", 3);
        MockHttpServletResponse r = send("/pathways/" + id + "/timesheet", Map.of("activity", "RECEPTION",
                "onDate", Dates.today().toString(), "hours", "0,73", "note", "colloquio", "version", version(id)));
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(work.get(released.user("master.torino"), id).getTimesheet()).singleElement()
                .satisfies(e -> assertThat(e.getHours()).isEqualByComparingTo("0.73"));
    }

    @Test
    void weeklyHoursOfAHiringTypedTheItalianWayAreStoredAsMeant() throws Exception {
        long id = closed.started(office, "Moduli", "Assunzione", 3);
        MockHttpServletResponse r = send("/pathways/" + id + "/close", Map.ofEntries(Map.entry("outcome", "HIRED"),
                Map.entry("onDate", Dates.today().toString()), Map.entry("employer", "Logistica Srl"),
                Map.entry("employerVat", ClosedPathways.VAT), Map.entry("contract", "PERMANENT"),
                Map.entry("weeklyHours", "37,5"), Map.entry("hireStart", Dates.today().toString()),
                Map.entry("version", version(id))));
        assertThat(r.getStatus()).isEqualTo(302);
        Pathway p = work.get(released.user("master.torino"), id);
        assertThat(p.isClosed()).isTrue();
        assertThat(p.getHireWeeklyHours()).isEqualByComparingTo("37.5");
    }

    @Test
    void hoursOutOfRangeOrWrittenTheForeignWayComeBackOnTheFieldAsTyped() throws Exception {
        long id = closed.started(office, "Moduli", "Fuori", 3);
        MockHttpServletResponse big = send("/pathways/" + id + "/timesheet", Map.of("activity", "RECEPTION",
                "onDate", Dates.today().toString(), "hours", "1.650,50", "note", "nota scritta", "version", version(id)));
        assertThat(big.getStatus()).isEqualTo(200);
        // read as 1650,50 and refused by the timesheet: shown back as a number for editing
        assertThat(body(big)).contains(messages.t("pathway.timesheet.hours"), "value=\"1650,5\"", "nota scritta",
                "id=\"hours-error\"");
        MockHttpServletResponse foreign = send("/pathways/" + id + "/timesheet", Map.of("activity", "RECEPTION",
                "onDate", Dates.today().toString(), "hours", "1,650.50", "note", "altra nota", "version", version(id)));
        assertThat(foreign.getStatus()).isEqualTo(200);
        assertThat(body(foreign)).contains("Numero non valido", "value=\"1,650.50\"",
                "altra nota", "id=\"hours-error\"");
        assertThat(work.get(released.user("master.torino"), id).getTimesheet()).isEmpty();
    }

    @Test
    void aBlankRequiredFieldComesBackOnTheFieldWithTheOtherInputKept() throws Exception {
        long id = closed.started(office, "Moduli", "Vuoto", 3);
        String required = messages.t("NotBlank");

        MockHttpServletResponse meeting = send("/pathways/" + id + "/meetings", Map.of("onDate", Dates.today().toString(),
                "start", "", "end", "10:00", "status", "HELD", "topics", "Curriculum rivisto", "version", version(id)));
        assertThat(meeting.getStatus()).isEqualTo(200);
        assertThat(body(meeting)).contains("id=\"start-error\"", messages.t("NotNull"), "Curriculum rivisto",
                "value=\"10:00\"");

        MockHttpServletResponse suspend = send("/pathways/" + id + "/suspend", Map.of("onDate", Dates.today().toString(),
                "contract", "PROBATION", "employer", " ", "version", version(id)));
        assertThat(suspend.getStatus()).isEqualTo(200);
        assertThat(body(suspend)).contains("id=\"suspend-employer-error\"", required,
                "<option value=\"PROBATION\" selected>");

        MockHttpServletResponse pact = send("/pathways/" + id + "/pact", Map.of("rows[0].kind", "",
                "rows[0].description", "Aggiornare il curriculum", "nextAppointments", "Ogni martedì", "version",
                version(id)));
        assertThat(pact.getStatus()).isEqualTo(200);
        assertThat(body(pact)).contains("id=\"row-0-kind-error\"", "value=\"Aggiornare il curriculum\"", "Ogni martedì");

        Pathway p = work.get(released.user("master.torino"), id);
        assertThat(p.getMeetings()).isEmpty();
        assertThat(p.getSuspensions()).isEmpty();
        assertThat(work.pacts(p)).isEmpty();
    }

    @Test
    void aFormReadAtAnOlderVersionSavesNothingAndSaysWhy() throws Exception {
        long id = closed.started(office, "Moduli", "Vecchio", 3);
        String stale = String.valueOf(closed.version(id) - 1);
        String message = messages.t("form.stale").substring(0, messages.t("form.stale").indexOf(':'));

        MockHttpServletResponse hours = send("/pathways/" + id + "/timesheet", Map.of("activity", "RECEPTION",
                "onDate", Dates.today().toString(), "hours", "2,5", "version", stale));
        assertThat(hours.getStatus()).isEqualTo(200);
        assertThat(body(hours)).contains(message, "value=\"2,5\"");

        MockHttpServletResponse extend = send("/pathways/" + id + "/extend", Map.of("reason", "Colloqui in corso",
                "version", stale));
        assertThat(extend.getStatus()).isEqualTo(200);
        assertThat(body(extend)).contains(message, "Colloqui in corso");

        MockHttpServletResponse meeting = send("/pathways/" + id + "/meetings", Map.of("onDate", Dates.today().toString(),
                "start", "09:00", "end", "10:00", "status", "HELD", "version", stale));
        assertThat(meeting.getStatus()).isEqualTo(200);
        assertThat(body(meeting)).contains(message);

        Pathway p = work.get(released.user("master.torino"), id);
        assertThat(p.getTimesheet()).isEmpty();
        assertThat(p.getExtendedOn()).isNull();
        assertThat(p.getMeetings()).isEmpty();
    }

    private MockHttpServletResponse send(String path, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder call = post(path).with(csrfOnce()).with(as(users, "tutor.torino"));
        fields.forEach(call::param);
        return mvc.perform(call).andReturn().getResponse();
    }

    private String version(long id) {
        return String.valueOf(closed.version(id));
    }

    private static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }
}
