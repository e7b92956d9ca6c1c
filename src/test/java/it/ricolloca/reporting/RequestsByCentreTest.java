package it.ricolloca.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.reporting.internal.RequestsByCentre;
import it.ricolloca.reporting.internal.RequestsByCentre.Report;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import it.ricolloca.workers.internal.InvitationImporter;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seed's table on data whose counts are known: two ministerial lists a week apart (8 then 10
 * requesters in Novara and Torino), 200 invited workers, 4 of 10 choosing a CPI; every cell, total
 * and share is checked in the service, the API, the page and the exports.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestsByCentreTest {

    static final LocalDate FIRST = LocalDate.of(2016, 2, 10);
    static final LocalDate SECOND = LocalDate.of(2016, 2, 17);
    static final String NOVARA = "CENTRO PER L'IMPIEGO DI NOVARA";
    static final String TORINO = "CPI Torino - via Bologna";

    @Autowired RequestsByCentre reports;
    @Autowired RequestListImporter lists;
    @Autowired InvitationImporter invitations;
    @Autowired UserAccountRepository users;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    final List<String> codes = new ArrayList<>();

    @BeforeAll
    void lists() {
        CurrentUser admin = users.findByUsername("regione").orElseThrow().toCurrentUser();
        Random random = new Random(2016);
        StringBuilder invited = new StringBuilder("codice fiscale\n");
        for (int i = 0; i < 200; i++) {
            String cf = TestCodes.random(random);
            codes.add(cf);
            invited.append(cf).append('\n');
        }
        invitations.importFile(admin, "inviti-2016.csv", invited.toString().getBytes(StandardCharsets.UTF_8),
                LocalDate.of(2016, 1, 20));
        // First list: Novara 1 requested, 3 released; Torino 2 requested, 2 released.
        String first = header()
                + line(0, "Richiesto", NOVARA, "CPI") + line(1, "Rilasciato", NOVARA, "CPI") + line(2, "Rilasciato", NOVARA, "privato")
                + line(3, "Rilasciato", NOVARA, "privato") + line(5, "Richiesto", TORINO, "CPI") + line(6, "Richiesto", TORINO, "privato")
                + line(7, "Rilasciato", TORINO, "privato") + line(8, "Rilasciato", TORINO, "privato");
        lists.importFile(admin, "elenco-1.csv", first.getBytes(StandardCharsets.UTF_8), FIRST);
        // Second list: Novara 1 notice, 1 requested, 3 released; Torino 2 requested, 3 released. 4 of 10 chose a CPI.
        String second = header()
                + line(0, "Preavviso di rigetto", NOVARA, "CPI") + line(1, "Rilasciato", NOVARA, "CPI")
                + line(2, "Rilasciato", NOVARA, "privato") + line(3, "Rilasciato", NOVARA, "privato")
                + line(4, "Richiesto", NOVARA, "privato") + line(5, "Rilasciato", TORINO, "CPI")
                + line(6, "Richiesto", TORINO, "privato") + line(7, "Rilasciato", TORINO, "privato")
                + line(8, "Rilasciato", TORINO, "privato") + line(9, "Richiesto", TORINO, "CPI");
        lists.importFile(admin, "elenco-2.csv", second.getBytes(StandardCharsets.UTF_8), SECOND);
    }

    private static String header() {
        return "codice fiscale;data richiesta;stato;cpi competente;tipo erogatore;soggetto erogatore\n";
    }

    private String line(int worker, String status, String centre, String providerType) {
        String provider = providerType.equals("CPI") ? (centre.equals(NOVARA) ? "CPI Novara" : "CPI Torino") : "Agenzia Alfa";
        return codes.get(worker) + ";05/02/2016;" + status + ";" + centre + ";" + providerType + ";" + provider + "\n";
    }

    CurrentUser user(String name) {
        return users.findByUsername(name).orElseThrow().toCurrentUser();
    }

    @Test
    void everyCellTotalAndShareOfTheSecondList() {
        Report r = reports.report(user("adr.regione"), LocalDate.of(2016, 2, 20)).orElseThrow();
        assertThat(r.snapshotDate()).isEqualTo(SECOND);
        assertThat(r.rows()).extracting(RequestsByCentre.Row::centre).containsExactly("CPI Novara", "CPI Torino – via Bologna");
        var novara = r.rows().get(0);
        var torino = r.rows().get(1);
        assertThat(novara.counts()).containsEntry(RequestStatus.NOTICE_OF_REJECTION, 1L)
                .containsEntry(RequestStatus.REQUESTED, 1L).containsEntry(RequestStatus.RELEASED, 3L)
                .containsEntry(RequestStatus.REJECTED, 0L);
        assertThat(novara.total()).isEqualTo(5);
        assertThat(torino.counts()).containsEntry(RequestStatus.REQUESTED, 2L).containsEntry(RequestStatus.RELEASED, 3L)
                .containsEntry(RequestStatus.NOTICE_OF_REJECTION, 0L);
        assertThat(torino.total()).isEqualTo(5);
        assertThat(r.totals()).containsEntry(RequestStatus.REQUESTED, 3L).containsEntry(RequestStatus.RELEASED, 6L)
                .containsEntry(RequestStatus.NOTICE_OF_REJECTION, 1L);
        assertThat(r.total()).isEqualTo(10);
        assertThat(r.invitedSample()).isEqualTo(200);
        assertThat(r.shareOfSample()).isEqualByComparingTo("0.05");
        assertThat(r.previousSnapshotDate()).isEqualTo(FIRST);
        assertThat(r.changeFromPrevious()).isEqualByComparingTo("0.25");
        assertThat(r.shareChoosingCentre()).isEqualByComparingTo("0.4");
        // Named: the CPI (and its office, when the list's name finds one) or the agency; most chosen first.
        assertThat(r.providers().get(0)).isEqualTo(new RequestsByCentre.ProviderShare("PRIVATE", "Agenzia Alfa", 6));
        assertThat(r.providers()).filteredOn(p -> "CPI".equals(p.type())).extracting(RequestsByCentre.ProviderShare::requests)
                .containsExactly(2L, 2L);
        assertThat(r.providers()).extracting(RequestsByCentre.ProviderShare::provider).allSatisfy(name ->
                assertThat(name).matches("Agenzia Alfa|CPI Novara.*|CPI Torino.*"));
        assertThat(r.columns()).as("the seed's order").containsExactly(RequestStatus.NOTICE_OF_REJECTION,
                RequestStatus.REQUESTED, RequestStatus.RELEASED);

        Report first = reports.report(user("adr.regione"), FIRST).orElseThrow();
        assertThat(first.total()).isEqualTo(8);
        assertThat(first.shareOfSample()).isEqualByComparingTo("0.04");
        assertThat(reports.report(user("adr.regione"), LocalDate.of(2016, 2, 9)).map(Report::snapshotDate)
                .filter(d -> !d.isBefore(FIRST))).as("before the first list of this test").isEmpty();
    }

    @Test
    void aCentreSeesItsOwnRowItsTotalTheRegionalTotalsAndItsCellsOnly() {
        Report r = reports.report(user("master.novara"), SECOND).orElseThrow();
        assertThat(r.rows()).extracting(RequestsByCentre.Row::centre).containsExactly("CPI Novara");
        assertThat(r.total()).as("the total follows the lines shown").isEqualTo(5);
        assertThat(r.regionTotal()).isEqualTo(10);
        long novara = r.rows().get(0).centreId();
        assertThat(reports.cell(user("master.novara"), SECOND, novara, RequestStatus.RELEASED, 0, 20).getTotalElements())
                .isEqualTo(3);
        assertThat(reports.cell(user("master.novara"), SECOND, null, null, 0, 20).getTotalElements()).isEqualTo(5);
        long torino = reports.report(user("regione"), SECOND).orElseThrow().rows().get(1).centreId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.cell(user("master.novara"), SECOND, torino, null, 0, 20))
                .isInstanceOf(it.ricolloca.shared.NotFoundException.class);
    }

    @Test
    void theApiThePageAndTheExportsSayTheSame() throws Exception {
        String json = mvc.perform(get("/api/v1/reports/requests-by-centre").param("snapshotDate", "2016-02-17")
                .with(DemoUsers.as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.get("snapshotDate").asText()).isEqualTo("2016-02-17");
        assertThat(n.get("rows").get(0).get("centre").asText()).isEqualTo("CPI Novara");
        assertThat(n.get("rows").get(0).get("counts").get("RELEASED").asLong()).isEqualTo(3);
        assertThat(n.get("rows").get(0).get("total").asLong()).isEqualTo(5);
        assertThat(n.get("totals").get("REQUESTED").asLong()).isEqualTo(3);
        assertThat(n.get("total").asLong()).isEqualTo(10);
        assertThat(n.get("invitedSample").asLong()).isEqualTo(200);
        assertThat(new BigDecimal(n.get("shareOfSample").asText())).isEqualByComparingTo("0.05");
        assertThat(n.get("previousSnapshotDate").asText()).isEqualTo("2016-02-10");
        assertThat(new BigDecimal(n.get("changeFromPrevious").asText())).isEqualByComparingTo("0.25");
        assertThat(new BigDecimal(n.get("shareChoosingCentre").asText())).isEqualByComparingTo("0.4");

        String page = mvc.perform(get("/monitoring").param("snapshotDate", "2016-02-17")
                .with(DemoUsers.as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("5,0%", "+25,0%", "40,0%", ">10<", "2 richieste di CPI Torino – via Bologna nello stato Richiesto");

        byte[] xlsx = mvc.perform(get("/monitoring/requests-by-centre.xlsx").param("snapshotDate", "2016-02-17")
                .with(DemoUsers.as(userDetails, "adr.regione"))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("CPI Novara");
            int last = sheet.getRow(0).getLastCellNum() - 1;
            assertThat(sheet.getRow(1).getCell(last).getNumericCellValue()).isEqualTo(5);
            assertThat(sheet.getRow(3).getCell(last).getNumericCellValue()).isEqualTo(10);
        }
        String csv = mvc.perform(get("/monitoring/requests-by-centre.csv").param("snapshotDate", "2016-02-17")
                .with(DemoUsers.as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(4);
        assertThat(csv.lines().toList().get(0)).as("after the BOM").endsWith("CPI competente;Preavviso di rigetto;Richiesto;Rilasciato;"
                + "Totale complessivo");
        assertThat(csv.lines().toList().get(2)).as("a blank where Torino has none").startsWith("CPI Torino – via Bologna;;2;3;5");
        assertThat(csv.lines().toList().get(3)).startsWith("Totale complessivo;").endsWith(";10");
    }
}
