package it.ricolloca.agenda;

import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The agenda's forms as a user posts them: a template's rows bound by index, a blank required
 * field shown on the field with the rest as typed, a stale form refused with the one stale message
 * and nothing changed. Templates and closures go to Novara's office in 2090, so no other test sees them.
 */
@IntegrationTest
class AgendaFormsTest {

    static final String STALE = "Il record è stato modificato da un altro utente mentre compilavi il modulo";
    static final String REQUIRED = "Campo obbligatorio.";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Agenda agenda;
    @Autowired ReleasedWorkers released;
    @Autowired JdbcClient jdbc;

    @Test
    void aTemplateIsStoredFromItsIndexedRows() throws Exception {
        OfficeSummary office = released.office("master.novara");
        int before = agenda.templates(office.id()).size();
        MockHttpServletResponse r = send("master.novara", post(AgendaRoutes.templates(office.id()))
                .param("name", "Orario 2090").param("kind", "WEEKLY").param("validFrom", "2090-01-02")
                .param("rows[0].weekday", "MONDAY").param("rows[0].start", "09:00").param("rows[0].end", "12:00")
                .param("rows[0].minutes", "30").param("rows[0].capacity", "2").param("rows[0].staff", "Sportello 1")
                .param("rows[1].weekday", "").param("rows[1].start", "").param("rows[1].minutes", "")
                .param("rows[2].weekday", "THURSDAY").param("rows[2].start", "14:00").param("rows[2].end", "16:30")
                .param("rows[2].minutes", "45").param("rows[2].capacity", "1"));
        assertThat(r.getStatus()).isEqualTo(302);
        List<AgendaTemplate> templates = agenda.templates(office.id());
        assertThat(templates).hasSize(before + 1);
        AgendaTemplate t = templates.stream().filter(x -> x.getName().equals("Orario 2090")).findFirst().orElseThrow();
        assertThat(t.getValidFrom()).isEqualTo(LocalDate.of(2090, 1, 2));
        assertThat(t.getRules()).hasSize(2);
        TemplateRule monday = t.getRules().get(0);
        assertThat(monday.getDay()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(monday.getStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(monday.getSlotMinutes()).isEqualTo(30);
        assertThat(monday.getCapacity()).isEqualTo(2);
        assertThat(monday.getStaff()).isEqualTo("Sportello 1");
        assertThat(t.getRules().get(1).getDay()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(t.getRules().get(1).getEnd()).isEqualTo(LocalTime.of(16, 30));
    }

    @Test
    void aTemplateWithoutANameComesBackWithItsRowsAsTypedAndSavesNothing() throws Exception {
        OfficeSummary office = released.office("master.novara");
        int before = agenda.templates(office.id()).size();
        MockHttpServletResponse r = send("master.novara", post(AgendaRoutes.templates(office.id()))
                .param("name", " ").param("kind", "SPECIAL").param("validFrom", "2090-03-02")
                .param("rows[0].weekday", "TUESDAY").param("rows[0].start", "08:15").param("rows[0].end", "11:45")
                .param("rows[0].minutes", "20").param("rows[0].capacity", "3").param("rows[0].staff", "Sportello Sette")
                .param("rows[1].weekday", "FRIDAY").param("rows[1].start", "10:00").param("rows[1].minutes", "dieci"));
        assertThat(r.getStatus()).isEqualTo(200);
        String page = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(REQUIRED, "Sportello Sette", "value=\"08:15\"", "value=\"11:45\"", "value=\"2090-03-02\"",
                "value=\"dieci\"", "Fascia 2");
        assertThat(page).containsPattern("value=\"SPECIAL\"\\s+selected");
        assertThat(page).containsPattern("value=\"TUESDAY\"\\s+selected");
        assertThat(agenda.templates(office.id())).hasSize(before);
    }

    @Test
    void aStaleEndOfATemplateSaysSoAndChangesNothing() throws Exception {
        OfficeSummary office = released.office("master.novara");
        AgendaTemplate t = agenda.addTemplate(released.user("master.novara"), office.id(), "Da chiudere 2090",
                TemplateKind.WEEKLY, LocalDate.of(2090, 6, 1), null,
                List.of(new TemplateRule(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 1, null)));
        MockHttpServletResponse r = send("master.novara", post(AgendaRoutes.templateEnd(t.getId()))
                .param("from", "2090-07-01").param("version", String.valueOf(t.getVersion() + 1)));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains(STALE, "value=\"2090-07-01\"");
        assertThat(validTo(t.getId())).isNull();

        MockHttpServletResponse blank = send("master.novara", post(AgendaRoutes.templateEnd(t.getId()))
                .param("from", "").param("version", String.valueOf(t.getVersion())));
        assertThat(blank.getStatus()).isEqualTo(200);
        assertThat(blank.getContentAsString(StandardCharsets.UTF_8)).contains(REQUIRED);
        assertThat(validTo(t.getId())).isNull();
    }

    @Test
    void aClosureWithoutAReasonComesBackWithItsDatesAsTyped() throws Exception {
        OfficeSummary office = released.office("master.novara");
        int before = agenda.closures(office.id()).size();
        MockHttpServletResponse r = send("master.novara", post(AgendaRoutes.closures(office.id()))
                .param("from", "2090-08-10").param("to", "2090-08-14").param("reason", ""));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains(REQUIRED, "value=\"2090-08-10\"",
                "value=\"2090-08-14\"");
        assertThat(agenda.closures(office.id())).hasSize(before);

        MockHttpServletResponse ok = send("master.novara", post(AgendaRoutes.closures(office.id()))
                .param("from", "2090-08-10").param("to", "").param("reason", "Ferragosto 2090"));
        assertThat(ok.getStatus()).isEqualTo(302);
        Closure c = agenda.closures(office.id()).stream().filter(x -> x.getReason().equals("Ferragosto 2090"))
                .findFirst().orElseThrow();
        assertThat(c.getTo()).as("a closure without an end lasts one day").isEqualTo(LocalDate.of(2090, 8, 10));
    }

    @Test
    void anAppointmentActWithoutAReasonOrWithAStaleVersionComesBackAndChangesNothing() throws Exception {
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Agendaforms", "Ada");
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();
        ZonedDateTime start = Dates.today().plusDays(47).atTime(17, 0).atZone(Dates.ZONE);
        Appointment a = agenda.bookSlot(released.user("master.torino"), released.office("master.torino").id(), worker,
                null, AppointmentPurpose.MEETING, start, null);

        MockHttpServletResponse blank = send("operatore.torino", post(AgendaRoutes.appointmentAct(a.getId(), "cancel"))
                .param("reason", "").param("version", String.valueOf(a.getVersion())));
        assertThat(blank.getStatus()).isEqualTo(200);
        assertThat(blank.getContentAsString(StandardCharsets.UTF_8)).contains(REQUIRED);

        MockHttpServletResponse stale = send("operatore.torino", post(AgendaRoutes.appointmentAct(a.getId(), "cancel"))
                .param("reason", "Il lavoratore ha chiamato").param("version", String.valueOf(a.getVersion() + 1)));
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains(STALE, "Il lavoratore ha chiamato");
        assertThat(status(a.getId())).isEqualTo("BOOKED");

        MockHttpServletResponse done = send("operatore.torino", post(AgendaRoutes.appointmentAct(a.getId(), "cancel"))
                .param("reason", "Il lavoratore ha chiamato").param("version", String.valueOf(a.getVersion())));
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(status(a.getId())).isEqualTo("CANCELLED");
    }

    private MockHttpServletResponse send(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrfOnce()).with(DemoUsers.as(users, username))).andReturn().getResponse();
    }

    private LocalDate validTo(long templateId) {
        return jdbc.sql("select valid_to from agenda_template where id = ?").param(templateId).query(LocalDate.class)
                .list().get(0);
    }

    private String status(long appointmentId) {
        return jdbc.sql("select status from agenda_appointment where id = ?").param(appointmentId).query(String.class)
                .single();
    }
}
