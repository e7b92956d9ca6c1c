package it.ricolloca.reporting;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.pathway.MeetingStatus;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.Pacts;
import it.ricolloca.pathway.internal.Timesheets;
import it.ricolloca.reporting.internal.SilpContacts;
import it.ricolloca.reporting.internal.SilpContacts.Contact;
import it.ricolloca.reporting.internal.SilpContacts.Kind;
import it.ricolloca.shared.tabular.ImportWork;
import it.ricolloca.shared.tabular.RowHandler;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The SILP contacts of a seeded pathway: its checks and the release (competent CPI), the first appointment
 * and its outcome, the signed pact, a meeting, the closing and a breach reported (provider CPI) appear each with its kind, day,
 * codice fiscale and operator, in the page and in the contacts file; Novara's users do not see them.
 */
@IntegrationTest
class SilpContactsTest {

    @Autowired ClosedPathways closed;
    @Autowired ReleasedWorkers released;
    @Autowired Pacts pacts;
    @Autowired Timesheets timesheets;
    @Autowired Meetings meetings;
    @Autowired SilpContacts contacts;
    @Autowired TabularReader reader;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Conditionality conditionality;
    @Autowired JdbcClient jdbc;

    @Test
    void aSeededPathwaysActsAreContactsWithTheirKindDayTaxCodeAndOperatorAndNotAnotherCpis() throws Exception {
        LocalDate today = Dates.today();
        long office = closed.newTorinoOffice();
        long pathway = closed.started(office, "Contatti", "Silp", 3);
        String cf = released.taxCodeOf(closed.requestOf(pathway));
        CurrentUser tutor = released.user("tutor.torino");
        pacts.saveDraft(tutor, pathway, closed.version(pathway), List.of(new PactAction(PactActionKind.CV,
                "Aggiornare il curriculum", null)), null);
        timesheets.addHours(tutor, pathway, closed.version(pathway), ServiceTimesheetActivity.RECEPTION, today,
                BigDecimal.ONE, null);
        pacts.sign(tutor, pathway, closed.version(pathway), today);
        meetings.recordMeeting(tutor, pathway, closed.version(pathway), today, LocalTime.of(9, 0), LocalTime.of(10, 0),
                MeetingStatus.HELD, "Curriculum rivisto", "Tre candidature", null);
        closed.close(pathway, PathwayOutcome.NOT_HIRED_AT_TERM, null);
        long request = closed.requestOf(pathway);
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();
        conditionality.reportFromProvider("tutor.torino", worker, request, "CPI Torino", BreachKind.MISSED_APPOINTMENT,
                today.minusDays(1), "assente al colloquio");

        CurrentUser master = released.user("master.torino");
        SilpContacts.Filter torino = contacts.scoped(master, today.minusDays(10), today, null);
        List<Contact> mine = new ArrayList<>();
        contacts.each(torino, c -> {
            if (c.taxCode().equals(cf)) {
                mine.add(c);
            }
        });
        assertThat(kinds(mine, Kind.CHECK)).hasSize(3).allSatisfy(c -> {
            assertThat(c.on()).isEqualTo(today);
            assertThat(c.operator()).isEqualTo("master.torino");
            assertThat(c.role()).isEqualTo(SilpContacts.Role.COMPETENT);
            assertThat(c.detailKeys()).contains("request.check.outcome.PASSED");
        });
        assertThat(kinds(mine, Kind.DECISION)).anySatisfy(c -> {
            assertThat(c.detailKeys()).containsExactly("request.action.RELEASE");
            assertThat(c.operator()).isEqualTo("master.torino");
            assertThat(c.on()).isEqualTo(today);
        });
        assertThat(kinds(mine, Kind.APPOINTMENT)).singleElement().satisfies(c -> {
            assertThat(c.on()).isEqualTo(today.minusDays(3));
            assertThat(c.operator()).isEqualTo("tutor.torino");
            assertThat(c.role()).isEqualTo(SilpContacts.Role.PROVIDER);
            assertThat(c.detailKeys()).containsExactly("agenda.purpose.FIRST");
        });
        assertThat(kinds(mine, Kind.APPOINTMENT_OUTCOME)).singleElement().satisfies(c -> {
            assertThat(c.on()).isEqualTo(today.minusDays(3));
            assertThat(c.operator()).isEqualTo("tutor.torino");
            assertThat(c.detailKeys()).containsExactly("agenda.status.HELD");
        });
        for (Kind k : List.of(Kind.PACT, Kind.MEETING, Kind.CLOSING)) {
            assertThat(kinds(mine, k)).as(k.name()).singleElement().satisfies(c -> {
                assertThat(c.on()).isEqualTo(today);
                assertThat(c.operator()).isEqualTo("tutor.torino");
                assertThat(c.operatorName()).isNotBlank();
                assertThat(c.role()).isEqualTo(SilpContacts.Role.PROVIDER);
            });
        }
        assertThat(kinds(mine, Kind.MEETING).get(0).note()).contains("Curriculum rivisto", "Tre candidature");
        assertThat(kinds(mine, Kind.BREACH)).singleElement().satisfies(c -> {
            assertThat(c.on()).isEqualTo(today);
            assertThat(c.operator()).isEqualTo("tutor.torino");
            assertThat(c.role()).isEqualTo(SilpContacts.Role.PROVIDER);
            assertThat(c.detailKeys()).containsExactly("conditionality.kind.MISSED_APPOINTMENT");
            assertThat(c.note()).isEqualTo("assente al colloquio");
        });
        assertThat(kinds(mine, Kind.CLOSING).get(0).detailKeys()).containsExactly("pathway.outcome.NOT_HIRED_AT_TERM");
        assertThat(mine).allSatisfy(c -> assertThat(c.centre()).isEqualTo(kinds(mine, Kind.CHECK).get(0).centre()));

        String period = "?from=" + today.minusDays(10) + "&to=" + today;
        List<List<String>> file = rows(mvc.perform(get("/monitoring/contacts.ods" + period).with(as(users, "master.torino")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(file.get(0)).startsWith("Codice fiscale", "Data contatto", "Tipo contatto", "Dettaglio", "Operatore");
        List<List<String>> rowsOfCf = file.stream().filter(r -> r.get(0).equals(cf)).toList();
        assertThat(rowsOfCf).hasSize(mine.size());
        assertThat(rowsOfCf).anySatisfy(r -> assertThat(r.subList(1, 5)).containsExactly(today.toString(),
                "Patto di ricerca intensiva firmato", "", "tutor.torino"));
        assertThat(rowsOfCf).anySatisfy(r -> assertThat(r.subList(1, 5)).containsExactly(today.minusDays(3).toString(),
                "Esito dell'appuntamento", "Svolto", "tutor.torino"));
        MvcResult csv = mvc.perform(get("/monitoring/contacts.csv" + period).with(as(users, "regione"))).andReturn();
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(cf + ";" + Dates.format(today));

        SilpContacts.Filter novara = contacts.scoped(released.user("master.novara"), today.minusDays(10), today, null);
        List<String> novaraCodes = new ArrayList<>();
        contacts.each(novara, c -> novaraCodes.add(c.taxCode()));
        assertThat(novaraCodes).doesNotContain(cf);
        String novaraFile = mvc.perform(get("/monitoring/contacts.csv" + period).with(as(users, "operatore.novara")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(novaraFile).startsWith("\uFEFFCodice fiscale;").doesNotContain(cf);
        MvcResult page = mvc.perform(get("/monitoring/contacts" + period + "&centre=" + master.centreId())
                .with(as(users, "regione"))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Contatti da registrare in SILP");
    }

    private static List<Contact> kinds(List<Contact> contacts, Kind kind) {
        return contacts.stream().filter(c -> c.kind() == kind).toList();
    }

    private List<List<String>> rows(byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        try (TabularSource source = TabularSource.of("contatti.ods", content); ImportWork work = reader.begin()) {
            work.read(source, new RowHandler() {
                @Override
                public void header(List<String> names) {
                    rows.add(names);
                }

                @Override
                public void row(int line, List<String> cells) {
                    List<String> padded = new ArrayList<>(cells);
                    while (padded.size() < 9) {
                        padded.add("");
                    }
                    rows.add(padded);
                }
            });
        }
        return rows;
    }
}
