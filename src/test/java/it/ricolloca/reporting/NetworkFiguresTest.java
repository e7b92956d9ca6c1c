package it.ricolloca.reporting;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.reporting.internal.NetworkFigures;
import it.ricolloca.reporting.internal.NetworkFigures.TableId;
import it.ricolloca.reporting.internal.ReportFilter;
import it.ricolloca.reporting.internal.ReportTable;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Known data in the province of Cuneo (no other test works there) in the spring of 2016: every
 * number of the funnel with its medians, pathway health, breaches, outcomes, the vacancy board and
 * the trend across two lists, on the service, the page, the XLSX and the API.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkFiguresTest {

    private static final LocalDate FROM = LocalDate.of(2016, 3, 1);
    private static final LocalDate TO = LocalDate.of(2016, 6, 30);

    @Autowired NetworkFigures figures;
    @Autowired JdbcClient jdbc;
    @Autowired JobCentres centres;
    @Autowired RequestListImporter lists;
    @Autowired UserAccountRepository users;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    private CentreSummary alba;
    private CentreSummary cuneo;
    private final Random random = new Random(2026);

    @BeforeAll
    void springOf2016InCuneo() {
        List<CentreSummary> cn = centres.all().stream().filter(c -> c.province().equals("CN"))
                .sorted(Comparator.comparing(CentreSummary::name)).toList();
        alba = cn.get(0);
        cuneo = cn.get(1);
        long office = jdbc.sql("select id from network_office where centre_id = ? order by id limit 1").param(alba.id())
                .query(Long.class).single();
        // Alba: released in 4 and 6 days, first appointment after 5 and 10, pact after 10 and 7, one hired 61 days after its pact.
        long r1 = request(alba, "2016-03-01", "RELEASED", "2016-03-05");
        long r2 = request(alba, "2016-03-02", "RELEASED", "2016-03-08");
        request(alba, "2016-03-03", "REQUESTED", null);
        request(cuneo, "2016-04-01", "REJECTED", "2016-04-05");
        request(cuneo, "2016-07-15", "RELEASED", "2016-07-20");
        long p1 = pathway(r1, office, "2016-03-10", "2016-03-20");
        long p2 = pathway(r2, office, "2016-03-18", "2016-03-25");
        jdbc.sql("update pathway_pathway set closed_on = date '2016-05-20', outcome = 'HIRED', hire_contract = 'PERMANENT'"
                + " where id = ?").param(p1).update();
        meeting(p1, "2016-04-01", "HELD");
        meeting(p2, "2016-04-02", "HELD");
        meeting(p2, "2016-04-16", "MISSED_UNJUSTIFIED");
        diary(p2, "2016-04-05");
        diary(p2, "2016-04-06");
        diary(p2, "2016-08-01");
        breach(alba, "MISSED_APPOINTMENT", "2016-04-16");
        breach(alba, "REFUSED_OFFER", "2016-05-01");
        breach(alba, "MISSED_APPOINTMENT", "2016-09-01");
        breach(cuneo, "MISSED_TRAINING", "2016-04-20");
        long v1 = vacancy(alba, "OPEN", 3, "2016-03-10");
        long v2 = vacancy(alba, "FILLED", 1, "2016-04-01");
        referral(v1, p2, "INTERVIEW", "2016-04-10", "2016-04-11");
        referral(v2, p1, "HIRED", "2016-04-12", "2016-05-15");

        // Two ministerial lists of the period, of requests filed before it: 2 requested + 1 released, then 2 + 2.
        CurrentUser admin = users.findByUsername("regione").orElseThrow().toCurrentUser();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(TestCodes.random(random));
        }
        String header = "codice fiscale;data richiesta;stato;cpi competente\n";
        lists.importFile(admin, "cuneo-1.csv", (header + codes.get(0) + ";20/02/2016;Richiesto;CPI Alba\n" + codes.get(1)
                + ";20/02/2016;Richiesto;CPI Alba\n" + codes.get(2) + ";20/02/2016;Rilasciato;CPI Alba\n")
                .getBytes(StandardCharsets.UTF_8), LocalDate.of(2016, 3, 13));
        lists.importFile(admin, "cuneo-2.csv", (header + codes.get(0) + ";20/02/2016;Rilasciato;CPI Alba\n" + codes.get(1)
                + ";20/02/2016;Richiesto;CPI Alba\n" + codes.get(2) + ";20/02/2016;Rilasciato;CPI Alba\n" + codes.get(3)
                + ";21/02/2016;Richiesto;CPI Cuneo\n").getBytes(StandardCharsets.UTF_8), LocalDate.of(2016, 4, 17));
    }

    @Test
    void theFunnelCountsEachStepAndTheMedianDaysBetweenThem() {
        ReportTable t = table("adr.regione", TableId.FUNNEL);
        assertThat(t.lines()).extracting(ReportTable.Line::label).containsExactly("CPI Alba", "CPI Cuneo");
        assertThat(values(t.lines().get(0))).containsExactly("3", "2", "2", "2", "1", "5.0", "7.5", "8.5", "61.0");
        assertThat(values(t.lines().get(1))).containsExactly("1", "0", "0", "0", "0", null, null, null, null);
        assertThat(values(t.total())).containsExactly("4", "2", "2", "2", "1", "5.0", "7.5", "8.5", "61.0");

        ReportTable torino = table("master.torino", TableId.FUNNEL);
        assertThat(torino.lines()).as("a CPI sees its own line only").isEmpty();
        assertThat(torino.total()).as("and a total of its own: Torino has nothing in Cuneo's province").isNull();
        ReportTable alba = figures.table(users.findByUsername("adr.regione").orElseThrow().toCurrentUser(), TableId.FUNNEL,
                new ReportFilter(FROM, TO, this.alba.id(), "CN"));
        assertThat(values(alba.total())).as("the total follows the CPI filter").isEqualTo(values(alba.lines().get(0)));
        assertThat(values(alba.total())).startsWith("3", "2");
    }

    @Test
    void pathwayHealthBreachesAndOutcomes() {
        ReportTable health = table("adr.regione", TableId.HEALTH);
        assertThat(health.lines()).extracting(ReportTable.Line::label).containsExactly("CPI Alba");
        // open, started, on time (last meeting in 2016: late), share, meetings held, diary entries, closed in the period
        assertThat(values(health.lines().get(0))).containsExactly("1", "1", "0", "0.0000", "2", "2", "1");

        ReportTable breaches = table("adr.regione", TableId.BREACHES);
        assertThat(breaches.columns()).extracting(ReportTable.Column::key).containsExactly("MISSED_APPOINTMENT",
                "MISSED_ORIENTATION", "MISSED_TRAINING", "REFUSED_OFFER", "LATE_SERVICE_REQUEST", "total");
        assertThat(values(breaches.lines().get(0))).containsExactly("1", "0", "0", "1", "0", "2");
        assertThat(values(breaches.lines().get(1))).containsExactly("0", "0", "1", "0", "0", "1");
        assertThat(values(breaches.total())).containsExactly("1", "0", "1", "1", "0", "3");

        ReportTable outcomes = table("adr.regione", TableId.OUTCOMES);
        assertThat(outcomes.columns().get(0).key()).isEqualTo("HIRED_PERMANENT");
        // hires by contract (5), not hired at term, withdrawal, loss of benefit, moved to a private agency, total
        assertThat(values(outcomes.lines().get(0))).containsExactly("1", "0", "0", "0", "0", "0", "0", "0", "0", "1");
    }

    @Test
    void theVacancyBoardByCentreAndBySourceAndTheTrendAcrossLists() {
        ReportTable byCentre = table("adr.regione", TableId.BOARD_BY_CENTRE);
        assertThat(byCentre.lines()).extracting(ReportTable.Line::label).containsExactly("CPI Alba");
        assertThat(values(byCentre.lines().get(0))).containsExactly("1", "3", "2", "2", "1");
        ReportTable bySource = table("adr.regione", TableId.BOARD_BY_SOURCE);
        assertThat(bySource.lines()).extracting(ReportTable.Line::label).containsExactly("CPI");
        assertThat(values(bySource.total())).containsExactly("1", "3", "2", "2", "1");

        ReportTable trend = table("adr.regione", TableId.TREND);
        assertThat(trend.lines()).extracting(ReportTable.Line::label).contains("13/03/2016", "17/04/2016");
        ReportTable.Line march = trend.lines().stream().filter(l -> l.label().equals("13/03/2016")).findFirst().orElseThrow();
        ReportTable.Line april = trend.lines().stream().filter(l -> l.label().equals("17/04/2016")).findFirst().orElseThrow();
        int requested = column(trend, "REQUESTED");
        int released = column(trend, "RELEASED");
        int total = column(trend, "total");
        assertThat(List.of(values(march).get(requested), values(march).get(released), values(march).get(total)))
                .containsExactly("2", "1", "3");
        assertThat(List.of(values(april).get(requested), values(april).get(released), values(april).get(total)))
                .containsExactly("2", "2", "4");
    }

    @Test
    void thePageTheExcelAndTheApiSayTheSame() throws Exception {
        String query = "?from=2016-03-01&to=2016-06-30&province=CN";
        String page = mvc.perform(get("/monitoring/network" + query).with(as(userDetails, "adr.regione"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Dalla richiesta all'assunzione", "CPI Alba", "7,5", "61,0", "Tenuta dei percorsi",
                "0,0%", "Andamento degli elenchi ministeriali", "data-chart=",
                "13/03/2016");
        byte[] xlsx = mvc.perform(get("/monitoring/network/funnel.xlsx" + query).with(as(userDetails, "adr.regione")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row head = wb.getSheetAt(0).getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("CPI competente");
            assertThat(head.getCell(7).getStringCellValue()).isEqualTo("Giorni al primo appuntamento (mediana)");
            Row albaRow = wb.getSheetAt(0).getRow(1);
            assertThat(albaRow.getCell(0).getStringCellValue()).isEqualTo("CPI Alba");
            assertThat(albaRow.getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(albaRow.getCell(7).getNumericCellValue()).isEqualTo(7.5);
            assertThat(wb.getSheetAt(0).getRow(3).getCell(0).getStringCellValue()).isEqualTo("Totale complessivo");
        }
        String csv = mvc.perform(get("/monitoring/network/breaches.csv" + query).with(as(userDetails, "adr.regione")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("CPI Alba;1;0;0;1;0;2", "CPI Cuneo;0;0;1;0;0;1");
        String json = mvc.perform(get("/api/v1/reports/tables/funnel" + query).with(as(userDetails, "adr.regione")))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.replace(" ", "")).contains("\"table\":\"funnel\"", "\"label\":\"CPIAlba\"",
                "\"requested\":3", "\"daysToFirstAppointment\":7.5", "\"daysToHire\":61.0");
        assertThat(mvc.perform(get("/monitoring/network/nessuna.csv").with(as(userDetails, "adr.regione")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/monitoring/network?from=31/02/2016&to=abc&province=<b>&centre=x")
                .with(as(userDetails, "master.novara"))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private ReportTable table(String user, TableId id) {
        return figures.table(users.findByUsername(user).orElseThrow().toCurrentUser(), id,
                new ReportFilter(FROM, TO, null, "CN"));
    }

    private static List<String> values(ReportTable.Line line) {
        return line.values().stream().map(v -> v == null ? null : v.toPlainString()).toList();
    }

    private static int column(ReportTable t, String key) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    // ---- known data, written as the modules would have left it ----

    private long worker(CentreSummary centre) {
        return jdbc.sql("insert into workers_worker (tax_code, competent_centre_id) values (?, ?) returning id")
                .params(TestCodes.random(random), centre.id()).query(Long.class).single();
    }

    private long request(CentreSummary centre, String requested, String status, String decided) {
        LocalDate on = LocalDate.parse(requested);
        return jdbc.sql("""
                insert into requests_voucher_request (worker_id, request_date, status, status_date, competent_centre_id,
                    decision_date, channel) values (?, ?, ?, ?, ?, ?, 'INTERMEDIATED') returning id""")
                .params(worker(centre), on, status, decided == null ? on : LocalDate.parse(decided), centre.id(),
                        decided == null ? null : LocalDate.parse(decided))
                .query(Long.class).single();
    }

    private long pathway(long request, long office, String firstHeld, String pactSigned) {
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();
        long id = jdbc.sql("""
                insert into pathway_pathway (request_id, worker_id, centre_id, office_id, created_at)
                values (?, ?, ?, ?, now()) returning id""").params(request, worker, alba.id(), office)
                .query(Long.class).single();
        Timestamp at = Timestamp.from(LocalDate.parse(firstHeld).atTime(10, 0).atZone(ZoneId.of("Europe/Rome")).toInstant());
        jdbc.sql("""
                insert into agenda_appointment (office_id, worker_id, request_id, purpose, starts_at, ends_at, status,
                    from_agenda, booked_by, booked_at) values (?, ?, ?, 'FIRST', ?, ?, 'HELD', false, 'prova', now())""")
                .params(office, worker, request, at, new Timestamp(at.getTime() + 3_600_000)).update();
        jdbc.sql("""
                insert into pathway_pact (pathway_id, version_no, status, signed_on, created_by, created_at)
                values (?, 1, 'SIGNED', ?, 'prova', now())""").params(id, LocalDate.parse(pactSigned)).update();
        return id;
    }

    private void meeting(long pathway, String on, String status) {
        jdbc.sql("""
                insert into pathway_meeting (pathway_id, on_date, start_time, end_time, status, recorded_by, recorded_at)
                values (?, ?, time '09:00', time '10:00', ?, 'prova', now())""")
                .params(pathway, LocalDate.parse(on), status).update();
    }

    private void diary(long pathway, String on) {
        jdbc.sql("""
                insert into pathway_diary_entry (pathway_id, action, on_date, source, recorded_by, recorded_at)
                values (?, 'CV', ?, 'PAPER_DIARY', 'prova', now())""").params(pathway, LocalDate.parse(on)).update();
    }

    private void breach(CentreSummary centre, String kind, String on) {
        LocalDate d = LocalDate.parse(on);
        jdbc.sql("""
                insert into conditionality_breach (worker_id, competent_centre_id, provider, kind, occurred_on, evidence,
                    reported_by, reported_on, justification_deadline, status)
                values (?, ?, 'CPI', ?, ?, 'prova', 'prova', ?, ?, 'REPORTED')""")
                .params(worker(centre), centre.id(), kind, d, d, d.plusDays(5)).update();
    }

    private long vacancy(CentreSummary centre, String status, int positions, String arrived) {
        return jdbc.sql("""
                insert into vacancies_vacancy (status, arrived_on, profile, positions, company_name, source, centre_id)
                values (?, ?, 'Profilo di prova', ?, 'Azienda di prova', 'CPI', ?) returning id""")
                .params(status, LocalDate.parse(arrived), positions, centre.id()).query(Long.class).single();
    }

    private void referral(long vacancy, long pathway, String status, String proposed, String updated) {
        long worker = jdbc.sql("select worker_id from pathway_pathway where id = ?").param(pathway).query(Long.class).single();
        long user = users.findByUsername("master.torino").orElseThrow().getId();
        jdbc.sql("""
                insert into vacancies_referral (vacancy_id, pathway_id, worker_id, proposed_by_user_id, proposed_at, status,
                    updated_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(vacancy, pathway, worker, user, noon(proposed), status, noon(updated)).update();
    }

    private static Timestamp noon(String day) {
        return Timestamp.from(LocalDate.parse(day).atTime(12, 0).atZone(ZoneId.of("Europe/Rome")).toInstant());
    }
}
