package it.ricolloca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.forms.IdempotencyKeys;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The conventions of every API route: errors as RFC 9457 problems with the Italian message, and the
 * {@code Idempotency-Key} of a POST acting once.
 */
@IntegrationTest
class ApiConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired ApiTokens tokens;
    @Autowired UserAccountRepository users;
    @Autowired ReleasedWorkers released;
    @Autowired JdbcClient jdbc;
    @Autowired IdempotencyKeys idempotencyKeys;
    @LocalServerPort int port;

    private String token(String username) {
        return "Bearer " + tokens.create(users.findByUsername(username).orElseThrow().getId(), "convenzioni", "test");
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private long releases(long requestId) {
        return jdbc.sql("select count(*) from requests_event where request_id = ? and kind = 'RELEASE'")
                .param(requestId).query(Long.class).single();
    }

    /** 404, 403, 409 (wrong version), 400 (a field) and 401 all answer problem+json with the Italian text. */
    @Test
    void everyRefusalIsAProblemWithTheItalianMessage() throws Exception {
        String master = token("master.torino");
        long id = released.checked("master.torino", "Problemi", "Paola");

        MockHttpServletResponse missing = mvc.perform(get("/api/v1/requests/999999999").header("Authorization", master))
                .andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        JsonNode p = json(missing);
        assertThat(p.get("status").asInt()).isEqualTo(404);
        assertThat(p.get("title").asText()).isEqualTo("Pagina non trovata");
        assertThat(p.get("detail").asText()).contains("non rientra nel tuo ambito");
        assertThat(p.get("instance").asText()).isEqualTo("/api/v1/requests/999999999");
        assertThat(p.get("type").asText()).startsWith("urn:ricolloca:problema:");

        MockHttpServletResponse otherCentre = mvc.perform(get("/api/v1/requests/" + id)
                .header("Authorization", token("master.novara"))).andReturn().getResponse();
        assertThat(otherCentre.getStatus()).isEqualTo(404);
        assertThat(otherCentre.getContentType()).startsWith("application/problem+json");

        MockHttpServletResponse forbidden = mvc.perform(post("/api/v1/requests/" + id + "/release")
                .header("Authorization", token("tutor.torino")).contentType("application/json").content("{}"))
                .andReturn().getResponse();
        assertThat(forbidden.getStatus()).isEqualTo(403);
        assertThat(forbidden.getContentType()).startsWith("application/problem+json");
        assertThat(json(forbidden).get("detail").asText()).contains("Il tuo profilo non consente");

        MockHttpServletResponse stale = mvc.perform(post("/api/v1/requests/" + id + "/release")
                .header("Authorization", master).contentType("application/json").content("{\"version\": 0, \"note\": \"ok\"}"))
                .andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentType()).startsWith("application/problem+json");
        assertThat(json(stale).get("detail").asText()).contains("modificat", "nulla è stato salvato");
        assertThat(releases(id)).isZero();

        MockHttpServletResponse noReasons = mvc.perform(post("/api/v1/requests/" + id + "/reject")
                .header("Authorization", master).contentType("application/json").content("{}"))
                .andReturn().getResponse();
        assertThat(noReasons.getStatus()).isEqualTo(400);
        JsonNode invalid = json(noReasons);
        assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("reasons");
        assertThat(invalid.get("errors").get(0).get("message").asText()).isNotBlank();

        MockHttpServletResponse unreadable = mvc.perform(post("/api/v1/requests/" + id + "/release")
                .header("Authorization", master).contentType("application/json").content("{non json"))
                .andReturn().getResponse();
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(json(unreadable).get("detail").asText()).contains("non sono leggibili");

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/requests")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(anonymous.body()).contains("\"status\":401", "token");
    }

    /** A body past the limit is refused by its declared length, before anything reads it, as a 413 problem. */
    @Test
    void aBodyTooLargeIsA413Problem() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) 'x');
        HttpResponse<String> large = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/api/v1/requests/1/release")).header("Authorization", "Bearer demo-token-regione")
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(large.body());
        assertThat(p.get("title").asText()).isEqualTo("Richiesta troppo grande");
        assertThat(p.get("detail").asText()).contains("1 MB", "nulla è stato salvato");
        assertThat(p.get("instance").asText()).isEqualTo("/api/v1/requests/1/release");
    }

    /** A page keeps its HTML error page. */
    @Test
    void pagesKeepTheirHtmlErrors() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/requests/999999999")).header("Authorization", "Bearer demo-token-regione")
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Torna alla home");
    }

    /** The same key with the same request acts once and replays the answer; with another body it is 422. */
    @Test
    void theSameKeyActsOnceAndReplaysTheAnswer() throws Exception {
        String master = token("master.torino");
        long id = released.checked("master.torino", "Chiave", "Carla");
        String key = UUID.randomUUID().toString();
        String body = "{\"note\": \"verifiche superate\"}";
        MockHttpServletResponse first = mvc.perform(post("/api/v1/requests/" + id + "/release").header("Authorization", master)
                .header("Idempotency-Key", key).contentType("application/json").content(body)).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        MockHttpServletResponse again = mvc.perform(post("/api/v1/requests/" + id + "/release").header("Authorization", master)
                .header("Idempotency-Key", key).contentType("application/json").content(body)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(first.getContentAsString(StandardCharsets.UTF_8));
        assertThat(releases(id)).isEqualTo(1);

        MockHttpServletResponse other = mvc.perform(post("/api/v1/requests/" + id + "/release").header("Authorization", master)
                .header("Idempotency-Key", key).contentType("application/json").content("{\"note\": \"altro\"}"))
                .andReturn().getResponse();
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentType()).startsWith("application/problem+json");
        assertThat(json(other).get("detail").asText()).contains("richiesta diversa");

        // Without the header the POST works as before: a second release is refused by the rules (409), not replayed.
        MockHttpServletResponse plain = mvc.perform(post("/api/v1/requests/" + id + "/release").header("Authorization", master)
                .contentType("application/json").content(body)).andReturn().getResponse();
        assertThat(plain.getStatus()).isEqualTo(409);
        assertThat(plain.getHeader("Idempotent-Replayed")).isNull();
        assertThat(releases(id)).isEqualTo(1);

        // The key is kept a bounded time: an old key is forgotten by the cleaning job.
        jdbc.sql("update shared_idempotency_key set created_at = now() - interval '25 hours' where idem_key = ?")
                .param(key).update();
        assertThat(jdbc.sql("select count(*) from shared_idempotency_key where idem_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(idempotencyKeys.forgetOld()).isPositive();
        assertThat(jdbc.sql("select count(*) from shared_idempotency_key where idem_key = ?").param(key)
                .query(Long.class).single()).isZero();
    }

    /** A refused request gives its key back: corrected and sent again with the same key, it acts. */
    @Test
    void aRefusalKeepsNoKey() throws Exception {
        String master = token("master.torino");
        long id = released.filed("master.torino", "Rifiutata", "Rita");
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse refused = mvc.perform(post("/api/v1/requests/" + id + "/release").header("Authorization", master)
                .header("Idempotency-Key", key).contentType("application/json").content("{}")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from shared_idempotency_key where idem_key = ?").param(key)
                .query(Long.class).single()).isZero();
    }

    /** Two requests with the same key at the same moment, over real HTTP: one act, never two. */
    @Test
    void twoParallelRequestsWithTheSameKeyActOnce() throws Exception {
        String master = token("master.torino");
        long id = released.checked("master.torino", "Parallela", "Paola");
        String key = UUID.randomUUID().toString();
        HttpClient client = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        Callable<HttpResponse<String>> call = () -> {
            start.await();
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/requests/" + id
                    + "/release")).header("Authorization", master).header("Idempotency-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"insieme\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            answers.add(pool.submit(call));
            answers.add(pool.submit(call));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    assertThat(r.body()).contains("\"status\":409", "Idempotency-Key");
                }
            }
            assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(releases(id)).isEqualTo(1);
    }

    /** An upload with a key: its parts are compared from where the server keeps them; the retry imports nothing. */
    @Test
    void anImportWithTheSameKeyImportsOnce() throws Exception {
        String cf = it.ricolloca.support.TestCodes.random(new java.util.Random(1818));
        byte[] csv = ("cf;data richiesta;stato;cpi\n" + cf + ";06/05/2017;Rilasciato;CPI Chieri\n").getBytes(StandardCharsets.UTF_8);
        long before = jdbc.sql("select count(*) from requests_import").query(Long.class).single();
        String key = UUID.randomUUID().toString();
        List<MockHttpServletResponse> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .multipart("/api/v1/imports/requests").file(new org.springframework.mock.web.MockMultipartFile("file",
                            "lista.csv", "text/csv", csv)).param("snapshotDate", "2017-05-16")
                    .header("Authorization", "Bearer demo-token-regione").header("Idempotency-Key", key))
                    .andReturn().getResponse());
        }
        assertThat(answers.get(0).getStatus()).isEqualTo(200);
        assertThat(answers.get(1).getStatus()).isEqualTo(200);
        assertThat(answers.get(1).getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(answers.get(1).getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(answers.get(0).getContentAsString(StandardCharsets.UTF_8)).contains("\"created\":1");
        assertThat(jdbc.sql("select count(*) from requests_import").query(Long.class).single()).isEqualTo(before + 1);
    }

    /** A key that is not a printable token is refused before anything acts. */
    @Test
    void aMalformedKeyIsRefused() throws Exception {
        long id = released.checked("master.torino", "Malformata", "Marta");
        MockHttpServletResponse bad = mvc.perform(post("/api/v1/requests/" + id + "/release")
                .header("Authorization", token("master.torino")).header("Idempotency-Key", "x".repeat(201))
                .contentType("application/json").content("{}")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(json(bad).get("detail").asText()).contains("Idempotency-Key");
        assertThat(releases(id)).isZero();
    }
}
