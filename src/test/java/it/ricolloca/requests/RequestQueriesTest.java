package it.ricolloca.requests;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class RequestQueriesTest {

    @Autowired RequestListImporter importer;
    @Autowired UserAccountRepository users;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    String torino;
    String novara;
    long torinoRequest;
    long novaraRequest;

    @BeforeEach
    void importTwoRequests() {
        Random random = new Random(4711);
        torino = TestCodes.random(random);
        novara = TestCodes.random(random);
        String csv = "cf;data richiesta;stato;cpi\n" + torino + ";02/05/2017;Richiesto;CPI TORINO - VIA BOLOGNA\n" + novara
                + ";03/05/2017;Rilasciato;CENTRO PER L'IMPIEGO DI NOVARA\n";
        importer.importFile(users.findByUsername("adr.regione").orElseThrow().toCurrentUser(), "coda.csv",
                csv.getBytes(StandardCharsets.UTF_8), LocalDate.of(2017, 5, 8));
        torinoRequest = requestOf(torino);
        novaraRequest = requestOf(novara);
    }

    private long requestOf(String code) {
        return jdbc.sql("select r.id from requests_voucher_request r join workers_worker w on w.id = r.worker_id "
                + "where w.tax_code = ?").param(code).query(Long.class).single();
    }

    @Test
    void theCompetentCentreSeesItsOwnRequestsWithTheirDeadline() throws Exception {
        String page = mvc.perform(get("/requests").param("q", torino).with(as(userDetails, "operatore.torino"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(torino, "09/05/2017", "scaduta");
        String other = mvc.perform(get("/requests").param("q", novara).with(as(userDetails, "operatore.torino"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(other).doesNotContain("/requests/" + novaraRequest + "\"").contains("Nessuna richiesta da mostrare.");
        String released = mvc.perform(get("/requests").param("status", "RELEASED").param("q", novara)
                .with(as(userDetails, "adr.regione"))).andReturn().getResponse().getContentAsString();
        assertThat(released).contains(novara);
        String detail = mvc.perform(get("/requests/" + torinoRequest).with(as(userDetails, "tutor.torino"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(detail).contains("08/05/2017", "Richiesto", "Il termine per decidere è scaduto il 09/05/2017.");
    }

    @Test
    void aNovaraOperatorCannotSeeATorinoRequestByPageOrApi() throws Exception {
        assertThat(mvc.perform(get("/requests/" + torinoRequest).with(as(userDetails, "operatore.novara"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        String novaraToken = tokens.create(users.findByUsername("operatore.novara").orElseThrow().getId(), "coda", "test");
        assertThat(mvc.perform(get("/api/v1/requests/" + torinoRequest).header("Authorization", "Bearer " + novaraToken))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        String list = mvc.perform(get("/api/v1/requests").header("Authorization", "Bearer " + novaraToken)
                .param("centre", String.valueOf(users.findByUsername("master.torino").orElseThrow().getCentreId())))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(novara).doesNotContain(torino);
        String own = mvc.perform(get("/api/v1/requests/" + novaraRequest).header("Authorization", "Bearer " + novaraToken))
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains("\"status\":\"RELEASED\"", "\"history\":[", "\"snapshotDate\":\"2017-05-08\"");
        assertThat(mvc.perform(get("/requests").param("status", "INVENTATO").with(as(userDetails, "operatore.novara")))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }
}
