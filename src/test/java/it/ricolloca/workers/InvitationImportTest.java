package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.UnreadableFileException;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import it.ricolloca.workers.internal.InvitationImporter;
import it.ricolloca.workers.internal.WorkerRepository;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class InvitationImportTest {

    static final LocalDate APRIL_1 = LocalDate.of(2017, 4, 1);

    @Autowired InvitationImporter importer;
    @Autowired UserAccountRepository users;
    @Autowired WorkerRepository workers;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    private CurrentUser adr() {
        return users.findByUsername("adr.regione").orElseThrow().toCurrentUser();
    }

    @Test
    void invitedWorkersMissingFromTheRegisterAreCreatedAsStubsWithTheirNames() throws Exception {
        Random random = new Random(11);
        String a = TestCodes.random(random);
        String b = TestCodes.random(random);
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Campione");
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("Cognome");
            h.createCell(1).setCellValue("Nome");
            h.createCell(2).setCellValue("Codice Fiscale");
            h.createCell(3).setCellValue("CPI competente");
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue("Rossi");
            r1.createCell(1).setCellValue("Anna");
            r1.createCell(2).setCellValue(a);
            r1.createCell(3).setCellValue("CPI ORBASSANO");
            Row r2 = sheet.createRow(2);
            r2.createCell(2).setCellValue(b);
            Row r3 = sheet.createRow(3);
            r3.createCell(2).setCellValue("NONVALIDO");
            Row r4 = sheet.createRow(4);
            r4.createCell(2).setCellValue(a);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        ImportReport report = importer.importFile(adr(), "campione.xlsx", xlsx, APRIL_1);
        assertThat(report.read()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.workersCreated()).isEqualTo(2);
        assertThat(report.rejections()).extracting(ImportReport.Rejection::line).containsExactly(4, 5);
        var anna = workers.findByTaxCode(a).orElseThrow();
        assertThat(anna.getLastName()).isEqualTo("Rossi");
        assertThat(anna.isNeedsCompletion()).isFalse();
        assertThat(workers.findByTaxCode(b).orElseThrow().isNeedsCompletion()).isTrue();

        String page = mvc.perform(get("/workers/" + anna.getId()).with(as(userDetails, "adr.regione"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("01/04/2017");
        ImportReport again = importer.importFile(adr(), "campione.xlsx", xlsx, APRIL_1);
        assertThat(again.alreadyImported()).isTrue();
        ImportReport later = importer.importFile(adr(), "campione-bis.csv", ("cf\n" + a + "\n").getBytes(StandardCharsets.UTF_8),
                APRIL_1);
        assertThat(later.unchanged()).as("already invited on that date").isEqualTo(1);
        assertThat(later.created()).isZero();
    }

    /** A code whose place of birth is no municipality nor state is one row's problem, with its reason (ADR 0032). */
    @Test
    void aWrongPlaceOfBirthIsARowProblemWithItsReason() throws Exception {
        String good = TestCodes.random(new Random(2032));
        String wrongPlace = TestCodes.complete("RSSMRA80A01X999");
        ImportReport report = importer.importFile(adr(), "luoghi.csv",
                ("cf\n" + good + "\n" + wrongPlace + "\n").getBytes(StandardCharsets.UTF_8), APRIL_1.plusDays(3));
        assertThat(report.read()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains(
                    "Il codice catastale X999 del luogo di nascita non corrisponde a nessun comune o stato estero");
        });
        assertThat(workers.findByTaxCode(good)).isPresent();
        assertThat(workers.findByTaxCode(wrongPlace)).isEmpty();
    }

    @Test
    void aFileWithoutTheCodiceFiscaleColumnIsRefused() {
        long before = jdbc.sql("select count(*) from workers_invitation").query(Long.class).single();
        assertThatThrownBy(() -> importer.importFile(adr(), "nomi.csv", "nome;cognome\nA;B\n".getBytes(StandardCharsets.UTF_8),
                APRIL_1)).isInstanceOf(UnreadableFileException.class).hasMessage("import.header.missing");
        assertThat(jdbc.sql("select count(*) from workers_invitation").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theApiAndThePageImport() throws Exception {
        String a = TestCodes.random(new Random(12));
        var api = mvc.perform(multipart("/api/v1/imports/invitations").file(new MockMultipartFile("file", "api.csv",
                "text/csv", ("codice fiscale\n" + a + "\n").getBytes(StandardCharsets.UTF_8)))
                .param("invitationDate", "2017-04-10").header("Authorization", "Bearer demo-token-regione")).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.getResponse().getContentAsString()).contains("\"created\":1", "\"date\":\"2017-04-10\"");
        String list = mvc.perform(get("/invitations").with(as(userDetails, "regione"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("api.csv", "10/04/2017");
    }
}
