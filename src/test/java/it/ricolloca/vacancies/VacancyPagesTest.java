package it.ricolloca.vacancies;

import static org.assertj.core.api.Assertions.assertThat;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The board's pages and API with bad and hostile input: Italian messages, nothing stored, nothing echoed unescaped. */
@IntegrationTest
class VacancyPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccountRepository accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    long count() {
        return jdbc.sql("select count(*) from vacancies_vacancy").query(Long.class).single();
    }

    @Test
    void aWrongFormComesBackWithItsMessagesAndSavesNothing() throws Exception {
        long before = count();
        MockHttpServletResponse r = mvc.perform(post("/vacancies").with(csrfOnce()).with(DemoUsers.as(users, "referente.torino"))
                .param("arrivedOn", "2099-01-01").param("profile", "Magazziniere").param("positions", "zero")
                .param("companyTaxCode", "12345678901").param("weeklyHours", "99")).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("Il numero non è valido.");
        MockHttpServletResponse second = mvc.perform(post("/vacancies").with(csrfOnce())
                .with(DemoUsers.as(users, "referente.torino")).param("arrivedOn", "2099-01-01")
                .param("profile", "Magazziniere").param("positions", "1").param("companyTaxCode", "12345678901")
                .param("weeklyHours", "99").param("source", "EURES")).andReturn().getResponse();
        assertThat(second.getContentAsString(StandardCharsets.UTF_8)).contains(
                "La data di arrivo non può essere nel futuro.", "Indica il nome dell'azienda.",
                "partita IVA dell'azienda non è valido", "Le ore settimanali devono essere",
                "Solo il Servizio Grandi Reclutamenti");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aStaleEditComesBackAsTypedWithTheReasonAndSavesNothing() throws Exception {
        long centre = accounts.findByUsername("referente.torino").orElseThrow().getCentreId();
        MockHttpServletResponse created = mvc.perform(post("/vacancies").with(csrfOnce())
                .with(DemoUsers.as(users, "referente.torino")).param("arrivedOn", Dates.today().toString())
                .param("profile", "Giardiniere").param("positions", "1").param("companyName", "Verde Srl")
                .param("source", "CPI").param("centreId", String.valueOf(centre))).andReturn().getResponse();
        String url = created.getRedirectedUrl();
        MockHttpServletResponse stale = mvc.perform(post(url + "/edit").with(csrfOnce())
                .with(DemoUsers.as(users, "referente.torino")).param("version", "-1")
                .param("arrivedOn", Dates.today().toString()).param("profile", "Giardiniere esperto")
                .param("positions", "2").param("companyName", "Verde Srl").param("source", "CPI")
                .param("centreId", String.valueOf(centre))).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("Giardiniere esperto",
                "modificato da un altro utente");
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select profile from vacancies_vacancy where id = ?").param(id).query(String.class).single())
                .isEqualTo("Giardiniere");
    }

    @Test
    void hostileTextIsStoredAsTextAndShownEscaped() throws Exception {
        String script = "<script>alert('x')</script> Magazziniere";
        MockHttpServletResponse r = mvc.perform(post("/vacancies").with(csrfOnce()).with(DemoUsers.as(users, "referente.torino"))
                .param("arrivedOn", Dates.today().toString()).param("profile", script).param("positions", "1")
                .param("companyName", "Ditta \u202E'; drop table vacancies_vacancy; --").param("source", "CPI")
                .param("centreId", String.valueOf(accounts.findByUsername("referente.torino").orElseThrow().getCentreId())))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        String page = mvc.perform(get(r.getRedirectedUrl()).with(DemoUsers.as(users, "tutor.novara"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;").contains("drop table")
                .doesNotContain("\u202E");
        MockHttpServletResponse search = mvc.perform(get("/vacancies").param("q", "<script>\"'").param("page", "-4")
                .param("centre", "abc").param("status", "NIENTE").param("from", "ieri").param("sort", "X")
                .with(DemoUsers.as(users, "tutor.novara"))).andReturn().getResponse();
        assertThat(search.getStatus()).isEqualTo(200);
        assertThat(search.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<script>\"");
    }

    @Test
    void theApiSearchesImportsAndExportsWithABearerToken() throws Exception {
        long service = accounts.findByUsername("reclutamenti.regione").orElseThrow().getId();
        String token = tokens.create(service, "Prova vetrina", "test");
        MockHttpServletResponse found = mvc.perform(get("/api/v1/vacancies").param("q", "saldatura").param("status", "OPEN")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(found.getContentAsString(StandardCharsets.UTF_8)).contains("\"items\"", "\"total\"", "Operaio addetto alla saldatura")
                .doesNotContain("Cameriere di sala");

        String csv = "Stato;Data arrivo offerta;Profilo richiesto;Nome azienda;Cpi\nAperta;01/10/2026;Api "
                + System.nanoTime() + ";Ditta API;CPI Asti\nAperta;32/10/2026;Sbagliata;Ditta;CPI Asti\n";
        MockHttpServletResponse imported = mvc.perform(multipart("/api/v1/imports/vacancies")
                .file("file", csv.getBytes(StandardCharsets.UTF_8)).header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(imported.getContentAsString(StandardCharsets.UTF_8)).contains("\"created\":1", "\"rejected\":1",
                "\"line\":3");
        MockHttpServletResponse refused = mvc.perform(multipart("/api/v1/imports/vacancies")
                .file("file", "non è un foglio".getBytes(StandardCharsets.UTF_8)).header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"detail\"");

        byte[] xlsx = mvc.perform(get("/api/v1/exports/vacancies.xlsx").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Stato");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo((int) count());
        }
    }
}
