package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Prometheus scrapes with its own credential (ADR 0035): HTTP Basic with the configured scrape user, on the real
 * server port. The credential opens {@code /actuator/prometheus} and nothing else; a person's access works there
 * as before (the regional administrator by session or token, nobody else).
 */
@IntegrationTest
class MetricsScrapeTest {

    private static final String SCRAPE_USER = "prometheus-test";
    private static final String SCRAPE_PASSWORD = "scrape-secret-for-tests";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    @Test
    void theScrapeCredentialGetsTheMetricsTextAndNoSession() throws Exception {
        HttpResponse<String> scrape = send("/actuator/prometheus", basic(SCRAPE_USER, SCRAPE_PASSWORD));

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(scrape.body()).contains("# HELP jvm_memory_used_bytes", "process_uptime_seconds");
        assertThat(scrape.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("RICOLLOCA_SESSION"));
    }

    @Test
    void withoutTheCredentialOrWithAWrongOneTheScrapeIsRefused() throws Exception {
        assertThat(send("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send("/actuator/prometheus", basic(SCRAPE_USER, "sbagliata"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("jvm_memory_used_bytes");
        assertThat(send("/actuator/prometheus", basic("regione", "demo-ricolloca")).statusCode()).isEqualTo(401);
    }

    @Test
    void theScrapeCredentialOpensNothingButTheScrape() throws Exception {
        String credential = basic(SCRAPE_USER, SCRAPE_PASSWORD);
        assertThat(send("/actuator/metrics", credential).statusCode()).isEqualTo(401);
        assertThat(send("/api/v1/centres", credential).statusCode()).isEqualTo(401);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/")).header("Authorization", credential).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aPersonsAccessToTheScrapeIsAsBefore() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus").with(DemoUsers.as(users, "regione")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/prometheus").with(DemoUsers.as(users, "master.torino")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(send("/actuator/prometheus", "Bearer demo-token-regione").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
