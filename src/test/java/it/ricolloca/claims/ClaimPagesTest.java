package it.ricolloca.claims;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.claims.internal.ClaimRepository;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The register and the claim's page as users meet them: search, the claim section of the pathway, bad input, the XLSX read back. */
@IntegrationTest
class ClaimPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ClosedPathways closed;
    @Autowired ReleasedWorkers released;
    @Autowired ClaimRepository claims;

    private long pathway;
    private Claim claim;
    private String taxCode;

    @BeforeEach
    void aHiredWorker() {
        long office = closed.newTorinoOffice();
        pathway = closed.started(office, "Pagine", "Irene", 20);
        closed.close(pathway, PathwayOutcome.HIRED, new Pathway.Hire("Pagine Srl", ClosedPathways.VAT,
                ContractType.APPRENTICESHIP, new BigDecimal("40"), Dates.today(), 36));
        claim = closed.claimOf(pathway);
        taxCode = released.taxCodeOf(closed.requestOf(pathway));
    }

    @Test
    void theRegisterFindsTheClaimAndThePathwayShowsIt() throws Exception {
        String register = page("/claims?q=" + taxCode, "master.torino");
        assertThat(register).contains("Pagine Irene", taxCode, "Risultato occupazionale", "da calcolare", "Preparata",
                "Domande trovate: 1", "Domande: 1; importo richiesto 0,00 €; importo pagato 0,00 €.");
        assertThat(page("/claims?page=3&q=" + taxCode, "master.torino")).as("past the last page")
                .contains("Nessuna domanda di rimborso").doesNotContain("Pagine Irene");
        assertThat(mvc.perform(get("/claims").param("q", "pagine irene").param("kind", "SUCCESS")
                .param("status", "PREPARED").with(as(users, "operatore.torino"))).andReturn().getResponse()
                .getContentAsString()).contains(taxCode);
        assertThat(page("/claims?q=" + taxCode, "master.novara")).contains("Nessuna domanda di rimborso")
                .doesNotContain("Pagine Irene");
        assertThat(mvc.perform(get("/claims").param("q", "' or 1=1 --").param("status", "NOPE").param("centre", "abc")
                .param("page", "-4").with(as(users, "adr.regione"))).andReturn().getResponse().getContentAsString())
                .contains("Nessuna domanda di rimborso");
        assertThat(page("/pathways/" + pathway + "?tab=outcome", "master.torino")).contains("Domanda di rimborso",
                "/claims/" + claim.getId(), "Risultato occupazionale");
        assertThat(page("/pathways/" + pathway + "?tab=outcome", "tutor.torino")).as("tutors handle no claims")
                .doesNotContain("/claims/" + claim.getId());
    }

    @Test
    void theProfilingIndexIsCheckedThenTheAmountShown() throws Exception {
        String c = "/claims/" + claim.getId();
        MvcResult bad = mvc.perform(post(c + "/profiling").with(csrfOnce()).with(as(users, "operatore.torino"))
                .param("version", String.valueOf(claim.getVersion())).param("index", "<script>alert(1)</script>"))
                .andReturn();
        assertThat(bad.getResponse().getStatus()).as("the page again, with the error on the field").isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString()).contains(
                "L'indice di profilazione deve essere un numero tra 0 e 1, con al massimo quattro decimali.")
                .contains("value=\"&lt;script>alert(1)&lt;/script>\"").doesNotContain("<script>alert(1)</script>");
        assertThat(claims.findById(claim.getId()).orElseThrow().getVersion()).isEqualTo(claim.getVersion());

        MvcResult hostile = mvc.perform(multipart(c + "/attachments").file("file", "not a pdf".getBytes(StandardCharsets.UTF_8))
                .with(csrfOnce()).with(as(users, "operatore.torino")).param("version", String.valueOf(claim.getVersion()))
                .param("kind", "PACT_SIGNED")).andReturn();
        assertThat(hostile.getResponse().getStatus()).isEqualTo(200);
        assertThat(hostile.getResponse().getContentAsString()).contains("alert-danger");
        assertThat(claims.findById(claim.getId()).orElseThrow().getPactDocumentId()).isNull();

        mvc.perform(post(c + "/profiling").with(csrfOnce()).with(as(users, "operatore.torino"))
                .param("version", String.valueOf(claim.getVersion())).param("index", "0,73"));
        // 1000 + (0.73 − 0.5) × 2 × (5000 − 1000)
        assertThat(page(c, "operatore.torino")).contains("0,73", "2.840,00 €", "Tempo indeterminato o apprendistato",
                "da 1.000,00 € a 5.000,00 €", "Segna come verificata").doesNotContain("Invia all");
        MvcResult stale = mvc.perform(post(c + "/review").with(csrfOnce()).with(as(users, "operatore.torino"))
                .param("version", String.valueOf(claim.getVersion()))).andReturn();
        assertThat(stale.getResponse().getContentAsString()).contains("modificato da un altro utente");
        assertThat(claims.findById(claim.getId()).orElseThrow().getStatus()).isEqualTo(ClaimStatus.PREPARED);
    }

    @Test
    void theRegisterDownloadsAsExcelAndReadsBack() throws Exception {
        byte[] xlsx = mvc.perform(get("/claims/register.xlsx?q=" + taxCode).with(as(users, "master.torino"))).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Registro rimborsi");
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("N. domanda");
            assertThat(head.getCell(12).getStringCellValue()).isEqualTo("Importo");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row row = sheet.getRow(1);
            assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(claim.getId());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Pagine Irene");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(taxCode);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Risultato occupazionale");
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("Preparata");
            assertThat(row.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(Dates.today());
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Apprendistato");
            assertThat(row.getCell(12) == null || row.getCell(12).getCellType() == CellType.BLANK)
                    .as("no amount before the profiling index").isTrue();
        }
        byte[] novara = mvc.perform(get("/claims/register.xlsx?q=" + taxCode).with(as(users, "master.novara"))).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(novara))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).as("only the header for another CPI").isZero();
        }
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(users, user))).andReturn().getResponse().getContentAsString();
    }
}
