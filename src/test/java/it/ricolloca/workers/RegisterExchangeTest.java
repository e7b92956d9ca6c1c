package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.UnreadableFileException;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import it.ricolloca.workers.internal.RegisterExchange;
import it.ricolloca.workers.internal.WorkHistoryEntry;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerRegister;
import it.ricolloca.workers.internal.WorkerRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class RegisterExchangeTest {

    @Autowired RegisterExchange exchange;
    @Autowired WorkerRegister register;
    @Autowired WorkerRepository workers;
    @Autowired UserAccountRepository users;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    private CurrentUser adr() {
        return users.findByUsername("adr.regione").orElseThrow().toCurrentUser();
    }

    private Worker worker(String code, String notes) {
        CurrentUser admin = adr();
        Worker w = register.create(admin, code, "Ada", "Registro", centre());
        w = register.update(admin, w.getId(), w.getVersion(), "Ada", "Registro", "Asti", "ada@example.org", null, centre(),
                LocalDate.of(2017, 1, 10), LocalDate.of(2018, 1, 9), new BigDecimal("812.40"), NaspiStatus.ACTIVE,
                new BigDecimal("0.5"), LocalDate.of(2017, 2, 1), "Contabilità", "Inglese B1", notes);
        register.addWork(admin, w.getId(), w.getVersion(), new WorkHistoryEntry("Fabbrica Spa", "00743110157", "4.1.1.1.0",
                "Impiegata", "CP2021", "Indeterminato", LocalDate.of(2010, 3, 1), LocalDate.of(2016, 12, 31)));
        return workers.findByTaxCode(code).orElseThrow();
    }

    private long centre() {
        return users.findByUsername("master.torino").orElseThrow().getCentreId();
    }

    private byte[] export() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.export(adr(), out);
        return out.toByteArray();
    }

    @Test
    void anExportHasThreeSheetsNeutralisesFormulasAndImportsBackUnchanged() throws Exception {
        String code = TestCodes.random(new Random(31));
        worker(code, "=HYPERLINK(\"http://esempio\")");
        byte[] xlsx = export();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Lavoratori");
            assertThat(wb.getSheetName(1)).isEqualTo("Storia lavorativa");
            assertThat(wb.getSheetName(2)).isEqualTo("Storia formativa");
            Sheet sheet = wb.getSheet("Lavoratori");
            Row row = findRow(sheet, code);
            assertThat(row.getCell(15).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://esempio\")");
            assertThat(row.getCell(15).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(812.40);
            assertThat(findRow(wb.getSheet("Storia lavorativa"), code).getCell(1).getStringCellValue()).isEqualTo("Fabbrica Spa");
        }
        ImportReport again = exchange.importRegister(adr(), "registro.xlsx", xlsx);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.rejections()).isEmpty();
        assertThat(workers.findByTaxCode(code).orElseThrow().getNotes()).isEqualTo("=HYPERLINK(\"http://esempio\")");
    }

    @Test
    void aChangedWorkbookUpdatesTheRegisterAndRejectsBadRowsWithTheirSheet() throws Exception {
        String code = TestCodes.random(new Random(32));
        String newcomer = TestCodes.random(new Random(33));
        worker(code, "");
        byte[] xlsx = export();
        byte[] changed;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet("Lavoratori");
            findRow(sheet, code).getCell(2).setCellValue("Adelaide");
            Row added = sheet.createRow(sheet.getLastRowNum() + 1);
            added.createCell(0).setCellValue(newcomer);
            added.createCell(1).setCellValue("Nuova");
            added.createCell(2).setCellValue("Persona");
            added.createCell(6).setCellValue("CPI CUNEO");
            Row bad = sheet.createRow(sheet.getLastRowNum() + 1);
            bad.createCell(0).setCellValue("RSSMRA80A01L219Q");
            Sheet work = wb.getSheet("Storia lavorativa");
            Row orphan = work.createRow(work.getLastRowNum() + 1);
            orphan.createCell(0).setCellValue(TestCodes.random(new Random(34)));
            orphan.createCell(1).setCellValue("Ditta");
            orphan.createCell(7).setCellValue("01/01/2015");
            Row noDate = work.createRow(work.getLastRowNum() + 1);
            noDate.createCell(0).setCellValue(newcomer);
            noDate.createCell(1).setCellValue("Senza data");
            wb.write(out);
            changed = out.toByteArray();
        }
        ImportReport report = exchange.importRegister(adr(), "modificato.xlsx", changed);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.rejections()).extracting(ImportReport.Rejection::reason)
                .anySatisfy(r -> assertThat(r).startsWith("Foglio \"Lavoratori\": Codice fiscale non valido"))
                .anySatisfy(r -> assertThat(r).isEqualTo("Foglio \"Storia lavorativa\": il codice fiscale non compare nel foglio dei lavoratori."))
                .anySatisfy(r -> assertThat(r).startsWith("Foglio \"Storia lavorativa\": data mancante"));
        assertThat(workers.findByTaxCode(code).orElseThrow().getFirstName()).isEqualTo("Adelaide");
        Worker created = workers.findByTaxCode(newcomer).orElseThrow();
        assertThat(created.getLastName()).isEqualTo("Nuova");
    }

    @Test
    void onlyAnXlsxWithTheWorkersSheetIsAccepted() throws Exception {
        assertThatThrownBy(() -> exchange.importRegister(adr(), "registro.csv", "Codice fiscale\nX\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableFileException.class).hasMessage("import.file.xlsxOnly");
        byte[] other;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Foglio1").createRow(0).createCell(0).setCellValue("Codice fiscale");
            wb.write(out);
            other = out.toByteArray();
        }
        assertThatThrownBy(() -> exchange.importRegister(adr(), "registro.xlsx", other))
                .isInstanceOf(UnreadableFileException.class).hasMessage("register.sheet.missing");
    }

    @Test
    void theExportDownloadsForTheAdrServiceOnly() throws Exception {
        var response = mvc.perform(get("/workers/register.xlsx").with(as(userDetails, "adr.regione"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("registro-lavoratori-");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
        }
        assertThat(mvc.perform(get("/workers/register.xlsx").with(as(userDetails, "master.torino"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    private static Row findRow(Sheet sheet, String code) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && code.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("riga non trovata: " + code);
    }
}
