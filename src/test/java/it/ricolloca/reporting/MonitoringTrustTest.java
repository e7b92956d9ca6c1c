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
import it.ricolloca.reporting.internal.RequestsByCentre;
import it.ricolloca.reporting.internal.RequestsByCentre.ProviderShare;
import it.ricolloca.reporting.internal.RequestsByCentre.Query;
import it.ricolloca.reporting.internal.RequestsByCentre.Report;
import it.ricolloca.reporting.internal.RequestsByCentre.Source;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.SqlStatements;
import it.ricolloca.support.TestCodes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monitoring a person can trust, on a ministerial list of 2003 for two CPIs no other test writes
 * to (Omegna, Borgomanero), earlier than any other list, request or invitation of the suite: a missing sample is said, not computed; a short one is
 * flagged; providers are named; the seed's columns in the seed's order with blanks; totals follow
 * the CPI filter on both monitoring pages; a default period of twelve months; the same table from
 * Ricolloca's own requests when no list is in force, labelled as such.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringTrustTest {

    static final LocalDate LIST_DATE = LocalDate.of(2003, 5, 15);
    static final LocalDate BEFORE_THE_LIST = LocalDate.of(2003, 5, 10);

    @Autowired RequestsByCentre reports;
    @Autowired NetworkFigures figures;
    @Autowired RequestListImporter lists;
    @Autowired JobCentres centres;
    @Autowired UserAccountRepository users;
    @Autowired ReleasedWorkers released;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    final Random random = new Random(2003);
    final List<String> codes = new ArrayList<>();
    String omegna;
    String borgomanero;
    long omegnaId;
    long borgomaneroId;
    String officeLabel;

    @BeforeAll
    void aListOf2003ForTwoCentresNoOtherTestUses() {
        // Two CPIs of the seed no other test writes to (the demo network's 25 CPIs are counted elsewhere), and dates
        // of 2003, before any other list, request or invitation of the suite: every figure here is this test's.
        CentreSummary omegnaCentre = centres.all().stream().filter(c -> c.name().equals("CPI Omegna")).findFirst()
                .orElseThrow();
        CentreSummary borgomaneroCentre = centres.all().stream().filter(c -> c.name().equals("CPI Borgomanero")).findFirst()
                .orElseThrow();
        omegna = omegnaCentre.name();
        borgomanero = borgomaneroCentre.name();
        omegnaId = omegnaCentre.id();
        borgomaneroId = borgomaneroCentre.id();
        List<String> offices = jdbc.sql("select name from network_office where centre_id = ? order by id").param(omegnaId)
                .query(String.class).list();
        assertThat(offices).as("the demo's one office of Omegna").hasSize(1);
        officeLabel = omegna + " – " + offices.get(0);
        for (int i = 0; i < 6; i++) {
            codes.add(TestCodes.random(random));
        }
        // Omegna: 1 requested (a CPI named in the list), 3 released (a CPI not named, an agency, nobody chosen).
        // Borgomanero: 1 notice of rejection, 1 requested. Nobody of either CPI is in a loaded sample.
        String list = "codice fiscale;data richiesta;stato;cpi competente;tipo erogatore;soggetto erogatore\n"
                + codes.get(0) + ";02/05/2003;Richiesto;" + omegna + ";CPI;" + omegna + "\n"
                + codes.get(1) + ";03/05/2003;Rilasciato;" + omegna + ";CPI;\n"
                + codes.get(2) + ";04/05/2003;Rilasciato;" + omegna + ";privato;Agenzia Beta\n"
                + codes.get(3) + ";05/05/2003;Rilasciato;" + omegna + ";;\n"
                + codes.get(4) + ";05/05/2003;Preavviso di rigetto;" + borgomanero + ";;\n"
                + codes.get(5) + ";06/05/2003;Richiesto;" + borgomanero + ";;\n";
        ImportReport imported = lists.importFile(user("regione"), "omegna-2003.csv", list.getBytes(StandardCharsets.UTF_8),
                LIST_DATE);
        assertThat(imported.rejected()).as("%s", imported.rejections()).isZero();
    }

    CurrentUser user(String name) {
        return users.findByUsername(name).orElseThrow().toCurrentUser();
    }

    Report omegna(Source source) {
        return reports.report(user("adr.regione"), new Query(LIST_DATE, omegnaId, null, source));
    }

    String page(String query) throws Exception {
        return mvc.perform(get("/monitoring?" + query).with(as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aSampleNotLoadedIsSaidAndNeverComputedAndAShortOneIsFlagged() throws Exception {
        Report r = omegna(null);
        assertThat(r.invitedSample()).isNull();
        assertThat(r.shareOfSample()).isNull();
        String html = page("snapshotDate=2003-05-15&centre=" + omegnaId);
        String sample = between(html, "id=\"monitoring-sample\"", "</li>");
        assertThat(sample).contains("Campione non caricato").doesNotContain("%");

        // One of Omegna's four requesters invited: more requesters than invited workers, so no share at all.
        long worker = jdbc.sql("select id from workers_worker where tax_code = ?").param(codes.get(0)).query(Long.class)
                .single();
        jdbc.sql("update workers_worker set competent_centre_id = ? where id = ?").params(omegnaId, worker).update();
        jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                .params(worker, LocalDate.of(2003, 1, 10)).update();
        try {
            Report shortSample = omegna(null);
            assertThat(shortSample.invitedSample()).isEqualTo(1);
            assertThat(shortSample.sampleShort()).isTrue();
            assertThat(shortSample.shareOfSample()).as("never 400%").isNull();
            String flagged = between(page("snapshotDate=2003-05-15&centre=" + omegnaId), "id=\"monitoring-sample\"",
                    "</li>");
            assertThat(flagged).contains("Campione incompleto", "4 richiedenti ma 1 lavoratore nel campione").doesNotContain("%");
        } finally {
            // Other classes count the whole region's sample of their years: this invitation must not outlive the test.
            jdbc.sql("delete from workers_invitation where worker_id = ?").param(worker).update();
        }
    }

    @Test
    void theProvidersChosenAreNamed() throws Exception {
        assertThat(omegna(null).providers()).extracting(ProviderShare::type, ProviderShare::provider)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CPI", officeLabel),
                        org.assertj.core.groups.Tuple.tuple("CPI", null),
                        org.assertj.core.groups.Tuple.tuple("PRIVATE", "Agenzia Beta"),
                        org.assertj.core.groups.Tuple.tuple(null, null));
        assertThat(omegna(null).shareChoosingCentre()).isEqualByComparingTo("0.5");
        String providers = between(page("snapshotDate=2003-05-15&centre=" + omegnaId), "id=\"monitoring-providers\"",
                "</table>");
        assertThat(providers).contains(officeLabel, "CPI non indicato nell'elenco", "Agenzia Beta", "Agenzia privata",
                "Soggetto erogatore non ancora scelto").doesNotContain("—");
    }

    @Test
    void theSeedsColumnsInTheSeedsOrderWithBlanksOnThePageAndInTheExports() throws Exception {
        Report r = omegna(null);
        assertThat(r.columns()).containsExactly(RequestStatus.NOTICE_OF_REJECTION, RequestStatus.REQUESTED,
                RequestStatus.RELEASED);
        String table = between(page("snapshotDate=2003-05-15&centre=" + omegnaId), "id=\"monitoring-table\"", "</table>");
        assertThat(cells(between(table, "<thead>", "</thead>"), "th")).containsExactly("CPI competente",
                "Preavviso di rigetto", "Richiesto", "Rilasciato", "Totale complessivo");
        assertThat(cells(row(table, omegna), "td")).containsExactly("", "1", "3", "4");
        assertThat(cells(row(table, "Totale complessivo"), "td")).containsExactly("", "1", "3", "4");
        assertThat(cells(row(table, "Totale regionale"), "td")).doesNotContain("0");

        byte[] xlsx = mvc.perform(get("/monitoring/requests-by-centre.xlsx").param("snapshotDate", "2003-05-15")
                .param("centre", String.valueOf(omegnaId)).with(as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Preavviso di rigetto");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Richiesto");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Rilasciato");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(omegna);
            Cell blank = sheet.getRow(1).getCell(1);
            assertThat(blank == null || blank.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK)
                    .as("a blank, not a zero").isTrue();
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Totale complessivo");
            assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(4);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Totale regionale");
            assertThat(wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Elenco ministeriale del 15/05/2003.");
        }
        String csv = mvc.perform(get("/monitoring/requests-by-centre.csv").param("snapshotDate", "2003-05-15")
                .param("centre", String.valueOf(omegnaId)).with(as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).contains(omegna + ";;1;3;4", "Totale complessivo;;1;3;4");
    }

    @Test
    void theTotalsFollowTheCentreFilterOnBothPages() throws Exception {
        Report all = reports.report(user("adr.regione"), new Query(LIST_DATE, null, null, null));
        assertThat(all.total()).isEqualTo(6);
        assertThat(all.regionTotals()).isNull();
        Report one = omegna(null);
        assertThat(one.total()).isEqualTo(4);
        assertThat(one.rows()).extracting(RequestsByCentre.Row::centre).containsExactly(omegna);
        assertThat(one.regionTotal()).isEqualTo(6);
        Report other = reports.report(user("adr.regione"), new Query(LIST_DATE, borgomaneroId, null, null));
        assertThat(other.total()).isEqualTo(2);
        assertThat(other.totals()).containsEntry(RequestStatus.NOTICE_OF_REJECTION, 1L)
                .containsEntry(RequestStatus.REQUESTED, 1L).containsEntry(RequestStatus.RELEASED, 0L);
        assertThat(page("snapshotDate=2003-05-15&centre=" + borgomaneroId)).contains("richiedenti nella selezione");
        Report province = reports.report(user("adr.regione"), new Query(LIST_DATE, null, "vb", null));
        assertThat(province.rows()).extracting(RequestsByCentre.Row::centre).containsExactly(omegna);
        assertThat(province.total()).isEqualTo(4);
        assertThat(province.regionTotal()).isEqualTo(6);
        Report novara = reports.report(user("master.novara"), new Query(LIST_DATE, omegnaId, null, null));
        assertThat(novara.rows()).as("a CPI sees its own lines whatever the URL says").isEmpty();
        assertThat(novara.total()).isZero();
        assertThat(novara.regionTotal()).isEqualTo(6);
        String theirs = mvc.perform(get("/monitoring?snapshotDate=2003-05-15").with(as(userDetails, "master.novara")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(cells(row(between(theirs, "id=\"monitoring-table\"", "</table>"), "Totale regionale"), "td"))
                .containsExactly("1", "2", "3", "6");
        assertThat(theirs).doesNotContain(omegna);

        ReportFilter may = new ReportFilter(LocalDate.of(2003, 5, 1), LocalDate.of(2003, 5, 31), null, null);
        ReportTable funnel = figures.table(user("adr.regione"), TableId.FUNNEL, may);
        assertThat(funnel.total().values().get(0).intValue()).isGreaterThanOrEqualTo(6);
        ReportTable omegnaFunnel = figures.table(user("adr.regione"), TableId.FUNNEL,
                new ReportFilter(may.from(), may.to(), omegnaId, null));
        assertThat(omegnaFunnel.lines()).extracting(ReportTable.Line::label).containsExactly(omegna);
        assertThat(omegnaFunnel.total().values()).isEqualTo(omegnaFunnel.lines().get(0).values());
        assertThat(omegnaFunnel.total().values().get(0).intValue()).isEqualTo(4);
    }

    @Test
    void theDefaultPeriodIsTheTwelveMonthsUpToToday() throws Exception {
        ReportFilter f = new ReportFilter(null, null, null, null);
        assertThat(f.to()).isEqualTo(Dates.today());
        assertThat(f.from()).isEqualTo(Dates.today().minusYears(1).plusDays(1));
        String html = mvc.perform(get("/monitoring/network").with(as(userDetails, "adr.regione"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"from\" name=\"from\" value=\"" + f.from() + "\"")
                .doesNotContain("value=\"2015-01-01\"");
        assertThat(page("")).contains("id=\"snapshotDate\" name=\"snapshotDate\" value=\"" + Dates.today() + "\"");
    }

    @Test
    void beforeAnyListTheTableComesFromTheRequestsRicollocaHoldsLabelledAsSuch() throws Exception {
        Report before = reports.report(user("adr.regione"), new Query(BEFORE_THE_LIST, omegnaId, null, null));
        assertThat(before.source()).isEqualTo(Source.OWN);
        assertThat(before.snapshotDate()).isNull();
        // Filed by the 10th, the list of the 15th not yet in force: each request as it stood then, requested.
        assertThat(before.totals()).containsEntry(RequestStatus.REQUESTED, 4L).containsEntry(RequestStatus.RELEASED, 0L);
        assertThat(before.rows()).extracting(RequestsByCentre.Row::centre).containsExactly(omegna);
        String html = page("snapshotDate=2003-05-10&centre=" + omegnaId);
        assertThat(between(html, "id=\"monitoring-source\"", "</div>")).contains(
                "Dati calcolati dalle richieste registrate in Ricolloca",
                "nessuna lista ministeriale importata fino a questa data");
        assertThat(cells(row(between(html, "id=\"monitoring-table\"", "</table>"), omegna), "td"))
                .containsExactly("", "4", "", "4");
        assertThat(html).doesNotContain("/monitoring/requests?snapshotDate=2003-05-10");

        // Chosen over the list: today's statuses of the same requests.
        Report own = omegna(Source.OWN);
        assertThat(own.source()).isEqualTo(Source.OWN);
        assertThat(own.totals()).containsEntry(RequestStatus.REQUESTED, 1L).containsEntry(RequestStatus.RELEASED, 3L);
        assertThat(between(page("snapshotDate=2003-05-15&centre=" + omegnaId + "&source=OWN"), "id=\"monitoring-source\"",
                "</div>")).contains("Dati calcolati dalle richieste registrate in Ricolloca", "come scelto");

        // A request filed in Ricolloca today counts at once in its CPI's own table.
        long novara = user("master.novara").centreId();
        Query today = new Query(Dates.today(), novara, null, Source.OWN);
        long requested = reports.report(user("adr.regione"), today).totals().get(RequestStatus.REQUESTED);
        released.filed("master.novara", "Fiduciosa", "Anna");
        assertThat(reports.report(user("adr.regione"), today).totals().get(RequestStatus.REQUESTED))
                .isEqualTo(requested + 1);
    }

    @Test
    void thePageSendsTheSameFewQueriesWhateverItsRows() throws Exception {
        for (String date : List.of("2003-05-15", "2003-05-10")) {
            page("snapshotDate=" + date); // warm: the first reading fills caches and counts the list once
            int two = SqlStatements.count(() -> page("snapshotDate=" + date));
            int one = SqlStatements.count(() -> page("snapshotDate=" + date + "&centre=" + omegnaId));
            assertThat(two).as("two CPIs' rows on %s, as many statements as one", date).isEqualTo(one)
                    .isLessThanOrEqualTo(20);
        }
    }

    // ---- reading the page ----

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("%s in the page", from).isNotNegative();
        int end = text.indexOf(to, start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String row(String table, String label) {
        return between(table, "scope=\"row\">" + label + "</th>", "</tr>");
    }

    private static List<String> cells(String html, String tag) {
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "[^>]*>(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            cells.add(m.group(1).replaceAll("<[^>]+>", "").strip());
        }
        return cells;
    }
}
