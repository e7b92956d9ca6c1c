package it.ricolloca.shared;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ricolloca.audit.AuditVerification;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import it.ricolloca.workers.internal.RegisterExchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every long operation reports its progress under its form's token (ADR 0028): each test drives a real one on a
 * small file and reads its progress at the end, as the page polls it: the total is the file's rows, all done, 100%.
 */
@IntegrationTest
class ProgressTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random();

    @Test
    void theInvitedSampleImportReportsItsRows() throws Exception {
        String token = UUID.randomUUID().toString();
        String csv = "codice fiscale\n" + TestCodes.random(random) + "\n" + TestCodes.random(random) + "\n"
                + TestCodes.random(random) + "\n";
        mvc.perform(multipart("/invitations").file("file", csv.getBytes(StandardCharsets.UTF_8))
                .param("invitationDate", "2017-04-01").param("progress", token)
                .with(as(users, "adr.regione")).with(csrfOnce())).andReturn();
        assertFinished(token, "adr.regione", 3);
        assertThat(page(token, "adr.regione")).contains("3 di 3 (100%)", "data-percentage=\"100\"");
    }

    @Test
    void theRegisterImportReportsTheRowsOfItsSheets() throws Exception {
        String token = UUID.randomUUID().toString();
        String first = TestCodes.random(random);
        String second = TestCodes.random(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            sheet(wb, RegisterExchange.WORKERS_SHEET, RegisterExchange.WORKER_HEADERS,
                    List.of(List.of(first, "Avanzamento", "Ada"), List.of(second, "Avanzamento", "Bruno")));
            sheet(wb, RegisterExchange.WORK_SHEET, RegisterExchange.WORK_HEADERS,
                    List.of(List.of(first, "Ditta Spa")));
            wb.write(out);
        }
        mvc.perform(multipart("/workers/register/import").file("file", out.toByteArray()).param("progress", token)
                .with(as(users, "adr.regione")).with(csrfOnce())).andReturn();
        assertFinished(token, "adr.regione", 3);
    }

    @Test
    void theVacancyBoardImportReportsItsRows() throws Exception {
        String token = UUID.randomUUID().toString();
        String csv = "Stato;Data arrivo offerta;Profilo richiesto;Nome azienda;Cpi\nAperta;01/10/2026;Avanzamento "
                + System.nanoTime() + ";Ditta;CPI Asti\nAperta;32/10/2026;Sbagliata;Ditta;CPI Asti\n";
        mvc.perform(multipart("/vacancies/import").file("file", csv.getBytes(StandardCharsets.UTF_8))
                .param("progress", token).with(as(users, "reclutamenti.regione")).with(csrfOnce())).andReturn();
        assertFinished(token, "reclutamenti.regione", 2);
    }

    @Test
    void theMinisterialListImportReportsItsRows() throws Exception {
        String token = UUID.randomUUID().toString();
        String csv = "cf;data richiesta;stato;cpi\n" + TestCodes.random(random) + ";02/05/2017;Rilasciato;CPI Asti\n"
                + TestCodes.random(random) + ";03/05/2017;Rilasciato;CPI Asti\n";
        mvc.perform(multipart("/imports").file("file", csv.getBytes(StandardCharsets.UTF_8))
                .param("snapshotDate", "2017-05-20").param("progress", token)
                .with(as(users, "adr.regione")).with(csrfOnce())).andReturn();
        assertFinished(token, "adr.regione", 2);
    }

    @Test
    void theAuditVerificationReportsTheEntriesChecked() throws Exception {
        String token = UUID.randomUUID().toString();
        MvcResult result = mvc.perform(post("/audit/verify").param("progress", token).with(as(users, "regione"))
                .with(csrfOnce())).andReturn();
        AuditVerification verification = (AuditVerification) result.getFlashMap().get("verification");
        assertThat(verification.checked()).isPositive();
        assertFinished(token, "regione", verification.checked());
    }

    @Test
    void anotherUsersProgressReadsAsStarting() throws Exception {
        String token = UUID.randomUUID().toString();
        mvc.perform(post("/audit/verify").param("progress", token).with(as(users, "regione")).with(csrfOnce()))
                .andReturn();
        JsonNode theirs = progress(token, "adr.regione");
        assertThat(theirs.get("total").asLong()).isZero();
        assertThat(theirs.get("percentage").asInt()).isZero();
        assertThat(page(token, "adr.regione")).contains("Avvio in corso");
        assertThat(progress("non-un-token", "regione").get("total").asLong()).isZero();
    }

    private void assertFinished(String token, String username, long rows) throws Exception {
        JsonNode p = progress(token, username);
        assertThat(p.get("total").asLong()).isEqualTo(rows);
        assertThat(p.get("done").asLong()).isEqualTo(rows);
        assertThat(p.get("percentage").asInt()).isEqualTo(100);
        assertThat(p.get("finished").asBoolean()).isTrue();
    }

    private JsonNode progress(String token, String username) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/progress/" + token).accept(MediaType.APPLICATION_JSON)
                .with(as(users, username))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private String page(String token, String username) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/progress/" + token).accept(MediaType.TEXT_HTML)
                .with(as(users, username))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static void sheet(XSSFWorkbook wb, String name, List<String> headers, List<List<String>> rows) {
        Sheet sheet = wb.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < rows.get(r).size(); i++) {
                row.createCell(i).setCellValue(rows.get(r).get(i));
            }
        }
    }
}
