package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.SqlStatements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import java.net.URI;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

@IntegrationTest
class ApiAndHeadersTest {

    @Autowired MockMvc mvc;
    @Autowired ApiTokens tokens;
    @Autowired UserAccountRepository users;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void theDemoTokenListsTheTwentyFiveCentres() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/centres").header("Authorization", "Bearer demo-token-regione"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains("\"code\":\"TORINO-BOLOGNA\"", "CPI Torino – via Bologna", "CPI SUSÀ");
        assertThat(body.split("\"officialName\"")).hasSize(26);
    }

    @Test
    void tokensAreStoredHashedNeverInClear() {
        assertThat(jdbc.sql("select count(*) from accounts_api_token where token_hash = ?")
                .param("demo-token-regione").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select token_hash from accounts_api_token").query(String.class).list())
                .allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void aWrongMissingOrRevokedTokenGets401() throws Exception {
        assertThat(status(get("/api/v1/centres"))).isEqualTo(401);
        assertThat(status(get("/api/v1/centres").header("Authorization", "Bearer sbagliato"))).isEqualTo(401);
        long userId = users.findByUsername("operatore.novara").orElseThrow().getId();
        String raw = tokens.create(userId, "da revocare", "test");
        assertThat(status(get("/api/v1/centres").header("Authorization", "Bearer " + raw))).isEqualTo(200);
        long id = tokens.of(userId).stream().filter(t -> t.getName().equals("da revocare")).findFirst().orElseThrow().getId();
        tokens.revoke(userId, id);
        assertThat(status(get("/api/v1/centres").header("Authorization", "Bearer " + raw))).isEqualTo(401);
    }

    @Test
    void metricsNeedTheAdministratorEvenWithAValidToken() throws Exception {
        long userId = users.findByUsername("tutor.novara").orElseThrow().getId();
        String raw = tokens.create(userId, "metriche", "test");
        assertThat(status(get("/actuator/metrics").header("Authorization", "Bearer " + raw))).isEqualTo(403);
        assertThat(status(get("/actuator/metrics").header("Authorization", "Bearer demo-token-regione"))).isEqualTo(200);
        assertThat(status(get("/actuator/health/liveness"))).isEqualTo(200);
        assertThat(status(get("/actuator/health/readiness"))).isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionNamesTheCentresEndpoint() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("/api/v1/centres", "bearer");
    }

    @Test
    void pagesCarrySecurityHeadersAndASafeSessionCookie() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(login.body()).doesNotContain("<script>").doesNotContainPattern("on(click|load|submit)=");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("RICOLLOCA_SESSION"))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    /**
     * A machine's call starts no session: the health probe a load balancer sends every few seconds, an API call
     * with a token and a visitor's public page (no form) get no session cookie and write no session row (before,
     * each wrote one, for the CSRF token of a form that was never drawn).
     */
    @Test
    void theHealthProbeAndTheApiStartNoSession() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long before = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        for (int i = 0; i < 3; i++) {
            for (HttpRequest request : List.of(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/centres"))
                            .header("Authorization", "Bearer demo-token-regione").build(),
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dichiarazione-accessibilita")).build())) {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(request.uri().toString()).isEqualTo(200);
                assertThat(answer.headers().allValues("Set-Cookie")).as(request.uri().toString()).isEmpty();
            }
        }
        assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(before);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).as("a page with a form still gets its session")
                .anyMatch(c -> c.startsWith("RICOLLOCA_SESSION"));
    }

    /**
     * The page frame's names (the agency, the user's CPI) are read only by a page that draws them: the health probes
     * ask the database nothing, and an API call asks nothing beyond its token and its answer.
     */
    @Test
    void theProbesAndTheApiReadNothingForAFrameTheyDoNotDraw() throws Exception {
        assertThat(SqlStatements.count(() -> mvc.perform(get("/actuator/health/liveness")).andReturn())).isZero();
        assertThat(SqlStatements.count(() -> mvc.perform(get("/actuator/health/readiness")).andReturn())).isZero();
        long userId = users.findByUsername("operatore.novara").orElseThrow().getId();
        String raw = tokens.create(userId, "cornice", "test");
        int api = SqlStatements.count(() -> mvc.perform(get("/api/v1/centres").header("Authorization", "Bearer " + raw))
                .andReturn());
        assertThat(api).as("the token's checks and the centres").isEqualTo(EXPECTED_API_STATEMENTS);
    }

    /**
     * Counted on 1 December 2026: the token's checks and the centres' list. Before, every answer also read the
     * agency's name, and the user's CPI when a user was signed in (the probes' one statement, now none).
     */
    private static final int EXPECTED_API_STATEMENTS = 6;

    /**
     * The browser keeps the style sheet, scripts and icons and asks again only whether they changed (a 304 without
     * the body); a page is never kept (it carries personal data).
     */
    @Test
    void staticFilesAreRevalidatedAndPagesAreNeverKept() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/webjars/bootstrap-italia/dist/css/bootstrap-italia.min.css",
                "/webjars/bootstrap-italia/dist/js/bootstrap-italia.bundle.min.js", "/css/app.css", "/js/app.js")) {
            HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.body()).as(path).isNotEmpty();
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("If-Modified-Since", lastModified).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    /** Style sheets, scripts and icons travel compressed to a browser that accepts it; pages never do (BREACH). */
    @Test
    void staticFilesTravelCompressedAndPagesDoNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/webjars/bootstrap-italia/dist/css/bootstrap-italia.min.css",
                "/webjars/bootstrap-italia/dist/js/bootstrap-italia.bundle.min.js",
                "/webjars/bootstrap-italia/dist/svg/sprites.svg", "/css/app.css")) {
            URI uri = URI.create("http://localhost:" + port + path);
            byte[] plain = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gzipped.body().length).as(path).isLessThan(plain.length / 2);
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
                assertThat(in.readAllBytes()).as(path).isEqualTo(plain);
            }
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(login.body()).contains("Nome utente");
    }

    @Test
    void aRealLoginStoresTheSessionInTheDatabase() throws Exception {
        long before = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        mvc.perform(formLogin("/login").user("tutor.torino").password("demo-ricolloca"));
        long after = jdbc.sql("select count(*) from spring_session where principal_name = 'tutor.torino'")
                .query(Long.class).single();
        assertThat(after).isPositive();
        assertThat(before).isNotNegative();
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
