package it.ricolloca.accounts;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.internal.MachineClients;
import it.ricolloca.accounts.web.AccountRoutes;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The machine clients' administration page (ADR 0030): a client the regional administrator registers there is
 * listed and calls the API with a real client-credentials token of the {@link TestIdentityProvider}; disabled
 * there, it is refused (401) at once. A wrong form is shown again with Italian errors on its fields and saves
 * nothing; a stale page is refused; the same form sent twice registers one client. A source held off for wrong
 * JWTs is answered like one held off for wrong personal tokens: 429, {@code Retry-After}, the same message.
 */
@IntegrationTest
class MachineClientPagesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired MachineClients clients;
    @Autowired JdbcClient jdbc;
    @Autowired it.ricolloca.shared.web.Messages messages;

    private int api(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/centres"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private MockHttpServletRequestBuilder register(String clientId, String name, String role, String centre,
            String... scopes) {
        MockHttpServletRequestBuilder request = post(AccountRoutes.MACHINE_CLIENTS).with(csrfOnce())
                .with(as(userDetails, "regione")).param("clientId", clientId).param("name", name).param("role", role)
                .param("centreId", centre);
        for (String scope : scopes) {
            request.param("scopes", scope);
        }
        return request;
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(as(userDetails, "regione"))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private long rows(String clientId) {
        return jdbc.sql("select count(*) from accounts_machine_client where client_id = ?").param(clientId)
                .query(Long.class).single();
    }

    private long audited(String action, long id) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and record_type = 'MachineClient'"
                + " and record_id = ?").params(action, String.valueOf(id)).query(Long.class).single();
    }

    @Test
    void aClientRegisteredOnThePageIsListedCallsTheApiAndIsRefusedOnceDisabled() throws Exception {
        String clientId = TestIdentityProvider.PAGE_CLIENT;
        jdbc.sql("delete from accounts_machine_client where client_id = ?").param(clientId).update();

        MvcResult first = mvc.perform(register(clientId, "Sistema regionale di prova", "REGIONAL_VACANCY_MANAGER", "",
                MachineClients.READ)).andReturn();
        long id = clients.find(clientId).orElseThrow().id();
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo(AccountRoutes.machineClient(id));
        assertThat(first.getFlashMap().get("flash")).isEqualTo("machineClient.registered.done");
        // The same form sent again (a fresh one-time token: past the page's guard) registers nothing more.
        MvcResult again = mvc.perform(register(clientId, "Sistema regionale di prova", "REGIONAL_VACANCY_MANAGER", "",
                MachineClients.READ)).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(AccountRoutes.machineClient(id));
        assertThat(rows(clientId)).isEqualTo(1);
        assertThat(audited("MACHINE_CLIENT_REGISTERED", id)).isEqualTo(1);

        String list = page(AccountRoutes.MACHINE_CLIENTS + "?q=regionale");
        assertThat(list).contains(clientId, "Sistema regionale di prova", "ricolloca.read",
                "Tutta la rete (ruolo regionale)", "Attivo", "regione", AccountRoutes.machineClient(id));
        assertThat(page(AccountRoutes.MACHINE_CLIENTS + "?q=nessun-client-con-questo-nome"))
                .contains("Nessun risultato per la ricerca.");

        String token = TestIdentityProvider.start().clientCredentialsToken(clientId, "ricolloca.read");
        assertThat(api(token)).isEqualTo(200);

        String shown = page(AccountRoutes.machineClient(id));
        assertThat(shown).contains("Disattivare il client " + clientId + "?", "Disattiva il client");
        long version = jdbc.sql("select version from accounts_machine_client where id = ?").param(id)
                .query(Long.class).single();
        MvcResult disabled = mvc.perform(post(AccountRoutes.machineClientDisable(id)).with(csrfOnce())
                .with(as(userDetails, "regione")).param("version", String.valueOf(version))).andReturn();
        assertThat(disabled.getFlashMap().get("flash")).isEqualTo("machineClient.disabled");
        assertThat(clients.find(clientId).orElseThrow().enabled()).isFalse();
        assertThat(api(token)).isEqualTo(401);
        // Sent twice: the client is already disabled, nothing more happens.
        mvc.perform(post(AccountRoutes.machineClientDisable(id)).with(csrfOnce()).with(as(userDetails, "regione"))
                .param("version", String.valueOf(version))).andReturn();
        assertThat(audited("MACHINE_CLIENT_DISABLED", id)).isEqualTo(1);
        assertThat(page(AccountRoutes.MACHINE_CLIENTS + "?q=" + clientId)).contains("Disattivato");

        // Enabling from the page as it was before the change: stale, refused in Italian, nothing changes.
        MvcResult stale = mvc.perform(post(AccountRoutes.machineClientEnable(id)).with(csrfOnce())
                .with(as(userDetails, "regione")).param("version", String.valueOf(version))).andReturn();
        assertThat(stale.getFlashMap().get("flash")).isEqualTo("form.stale");
        // The layout shows the flash key through the bundle: the refusal in Italian; the client as it was.
        assertThat(messages.t("form.stale")).contains("Il record è stato modificato da un altro utente");
        assertThat(page(AccountRoutes.machineClient(id))).contains("Riattivare il client");
        assertThat(clients.find(clientId).orElseThrow().enabled()).isFalse();
        assertThat(api(token)).isEqualTo(401);

        mvc.perform(post(AccountRoutes.machineClientEnable(id)).with(csrfOnce()).with(as(userDetails, "regione"))
                .param("version", String.valueOf(version + 1))).andReturn();
        assertThat(audited("MACHINE_CLIENT_ENABLED", id)).isEqualTo(1);
        assertThat(api(token)).isEqualTo(200);
    }

    @Test
    void aWrongRegistrationIsShownAgainWithItalianErrorsAndSavesNothing() throws Exception {
        String taken = "esistente-" + System.nanoTime();
        clients.register(taken, "Già registrato", java.util.Set.of(MachineClients.READ), Role.REGIONAL_VACANCY_MANAGER,
                null);

        String duplicate = refused(register(taken, "Un altro nome", "REGIONAL_VACANCY_MANAGER", "",
                MachineClients.WRITE));
        assertThat(duplicate).contains("Un client applicativo con questo identificativo è già registrato.",
                "value=\"Un altro nome\"", "id=\"clientId-error\"");
        assertThat(clients.find(taken).orElseThrow().name()).isEqualTo("Già registrato");

        String free = "nuovo-" + System.nanoTime();
        String noScope = refused(register(free, "Senza ambiti", "REGIONAL_VACANCY_MANAGER", ""));
        assertThat(noScope).contains("Scegli almeno un ambito.", "id=\"scopes-error\"", "value=\"" + free + "\"");
        assertThat(rows(free)).isZero();

        String badPattern = refused(register("a b!", "Formato errato", "REGIONAL_VACANCY_MANAGER", "",
                MachineClients.READ));
        assertThat(badPattern).contains("Da 3 a 100 caratteri tra lettere, cifre", "value=\"a b!\"");
        assertThat(rows("a b!")).isZero();

        String noCentre = refused(register(free, "Senza CPI", "CPI_OPERATOR", "", MachineClients.READ));
        assertThat(noCentre).contains("Per un ruolo di CPI scegli il CPI in cui agisce il client.",
                "id=\"centreId-error\"");
        assertThat(rows(free)).isZero();

        String regionalInACentre = refused(register(free, "Regionale in un CPI", "REGIONAL_VACANCY_MANAGER",
                String.valueOf(jdbc.sql("select min(id) from network_job_centre").query(Long.class).single()),
                MachineClients.READ));
        assertThat(regionalInACentre).contains("Un ruolo regionale agisce in tutta la rete: non indicare un CPI.");
        assertThat(rows(free)).isZero();

        String admin = refused(register(free, "Amministratore", "REGIONAL_ADMIN", "", MachineClients.READ));
        assertThat(admin).contains("non può agire come amministratore regionale", "id=\"role-error\"");
        assertThat(rows(free)).isZero();
    }

    @Test
    void wrongJwtsFromOneSourceAreHeldOffWith429RetryAfterAndTheTokensMessage() throws Exception {
        String source = "10.77." + (System.nanoTime() % 200 + 1) + ".9";
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzaXN0ZW1hLWlnbm90byJ9.AAAA";
        MockHttpServletResponse response = null;
        for (int i = 0; i < 40; i++) {
            response = mvc.perform(get("/api/v1/centres").header("Authorization", "Bearer " + forged)
                    .with(from(source))).andReturn().getResponse();
            if (response.getStatus() != 401) {
                break;
            }
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("non è valido");
        }
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isPositive();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Troppi token non validi",
                "Retry-After", "api.tokensLocked");
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
