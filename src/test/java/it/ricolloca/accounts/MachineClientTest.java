package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.MachineClients;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Machine clients (ADR 0030): real client-credentials tokens of the {@link TestIdentityProvider}, on the real
 * server. A client registered in Ricolloca reads within its scopes, is refused (403) outside them, and acts as
 * itself in the audit trail; a client unknown to Ricolloca, a disabled one, a forged token and no token are
 * refused (401); every refusal is an Italian problem.
 */
@IntegrationTest
class MachineClientTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @LocalServerPort int port;
    @Autowired MachineClients clients;
    @Autowired ApiTokens personalTokens;
    @Autowired UserAccountRepository users;
    @Autowired JdbcClient jdbc;

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private TestIdentityProvider provider() {
        return TestIdentityProvider.start();
    }

    @Test
    void aRegisteredClientReadsWithinItsScopesAndIsRefusedOutsideThem() throws Exception {
        clients.register(TestIdentityProvider.MACHINE_CLIENT, "Magazzino dati regionale", Set.of(MachineClients.READ),
                Role.REGIONAL_VACANCY_MANAGER, null);
        String token = provider().clientCredentialsToken(TestIdentityProvider.MACHINE_CLIENT,
                "ricolloca.read ricolloca.import");

        HttpResponse<String> centres = call("GET", "/api/v1/centres", token);
        assertThat(centres.statusCode()).isEqualTo(200);
        assertThat(centres.body()).contains("\"code\"", "Torino");
        assertThat(call("GET", "/api/v1/vacancies", token).statusCode()).isEqualTo(200);

        // The token carries ricolloca.import, but Ricolloca registered the client for reading only.
        HttpResponse<String> load = call("POST", "/api/v1/imports/vacancies", token);
        assertThat(load.statusCode()).isEqualTo(403);
        assertThat(load.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(load.body()).contains("non ha l'ambito richiesto");
        assertThat(call("POST", "/api/v1/pathways/1/tutor", token).statusCode()).isEqualTo(403);
        // Outside the API a machine client is nobody.
        assertThat(call("GET", "/actuator/metrics", token).statusCode()).isEqualTo(403);
    }

    @Test
    void aClientActsAsItselfInTheAuditTrail() throws Exception {
        clients.register(TestIdentityProvider.MACHINE_CLIENT, "Magazzino dati regionale", Set.of(MachineClients.READ),
                Role.REGIONAL_VACANCY_MANAGER, null);
        String token = provider().clientCredentialsToken(TestIdentityProvider.MACHINE_CLIENT, "ricolloca.read");
        String actor = "client:" + TestIdentityProvider.MACHINE_CLIENT;
        long before = jdbc.sql("select count(*) from audit_entry where actor = ? and action = 'VACANCY_BOARD_EXPORTED'")
                .param(actor).query(Long.class).single();
        assertThat(call("GET", "/api/v1/exports/vacancies.xlsx", token).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and action = 'VACANCY_BOARD_EXPORTED'")
                .param(actor).query(Long.class).single()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'MACHINE_CLIENT_REGISTERED' and details like ?")
                .param("%" + TestIdentityProvider.MACHINE_CLIENT + "%").query(Long.class).single()).isPositive();
    }

    @Test
    void unknownDisabledForgedOrMissingCredentialsAreRefused() throws Exception {
        String stranger = provider().clientCredentialsToken(TestIdentityProvider.UNREGISTERED_CLIENT, "ricolloca.read");
        HttpResponse<String> unknown = call("GET", "/api/v1/centres", stranger);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("non è registrato in Ricolloca o è stato disattivato");

        clients.register(TestIdentityProvider.MACHINE_CLIENT, "Magazzino dati regionale", Set.of(MachineClients.READ),
                Role.REGIONAL_VACANCY_MANAGER, null);
        String token = provider().clientCredentialsToken(TestIdentityProvider.MACHINE_CLIENT, "ricolloca.read");
        clients.setEnabled(TestIdentityProvider.MACHINE_CLIENT, false);
        try {
            assertThat(call("GET", "/api/v1/centres", token).statusCode()).isEqualTo(401);
        } finally {
            clients.setEnabled(TestIdentityProvider.MACHINE_CLIENT, true);
        }
        assertThat(call("GET", "/api/v1/centres", token).statusCode()).isEqualTo(200);

        // The same token with its signature altered.
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        HttpResponse<String> bad = call("GET", "/api/v1/centres", forged);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("non è valido");

        HttpResponse<String> none = call("GET", "/api/v1/centres", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void personalTokensStillWorkBesideMachineClients() throws Exception {
        long userId = users.findByUsername("reclutamenti.regione").orElseThrow().getId();
        String personal = personalTokens.create(userId, "prova client applicativi", "reclutamenti.regione");
        assertThat(call("GET", "/api/v1/centres", personal).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionNamesTheMachineClientSchemeAndEachOperationsScope() throws Exception {
        HttpResponse<String> docs = call("GET", "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"machineClient\"", "\"openIdConnect\"",
                TestIdentityProvider.start().issuer() + "/.well-known/openid-configuration",
                "{\"machineClient\":[\"ricolloca.read\"]}", "{\"machineClient\":[\"ricolloca.import\"]}",
                "{\"machineClient\":[\"ricolloca.write\"]}");
    }
}
