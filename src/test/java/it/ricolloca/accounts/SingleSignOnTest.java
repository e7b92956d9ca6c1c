package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.support.BrowserlessSession;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestIdentityProvider;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single sign-on through a real OpenID Connect provider ({@link TestIdentityProvider}): the whole
 * authorization-code flow over HTTP with cookies, the provider's own login form, the account matched by
 * {@code preferred_username}, signing out of both, and the refusals of a person without an account and of a
 * disabled account (ADR 0029).
 */
@IntegrationTest
class SingleSignOnTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccountRepository users;
    @Autowired UserAdministration administration;

    private String app(String path) {
        // 127.0.0.1, not localhost: the provider accepts loopback redirects by address only (RFC 8252).
        return "http://127.0.0.1:" + port + path;
    }

    /** Starts the sign-in with the login page's button and signs in at the provider's own form. */
    private HttpResponse<String> signInThroughTheProvider(BrowserlessSession session, String person) throws Exception {
        HttpResponse<String> providerLogin = session.get(app("/oauth2/authorization/regione"));
        assertThat(providerLogin.uri().toString()).startsWith(TestIdentityProvider.start().issuer() + "/login");
        Map<String, String> form = new LinkedHashMap<>(BrowserlessSession.hiddenFields(providerLogin.body(), "/login"));
        form.put("username", person);
        form.put("password", TestIdentityProvider.PASSWORD);
        return session.post(TestIdentityProvider.start().issuer() + "/login", form);
    }

    private long audited(String actor, String action) {
        return jdbc.sql("select count(*) from audit_entry where actor = ? and action = ?").params(actor, action)
                .query(Long.class).single();
    }

    @Test
    void theLoginPageOffersTheRegionalIdentityBesideThePassword() throws Exception {
        HttpResponse<String> login = new BrowserlessSession().get(app("/login"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("href=\"/oauth2/authorization/regione\"", "Accedi con l'identità regionale")
                .contains("name=\"password\"");
    }

    @Test
    void anOperatorSignsInThroughTheProviderAsTheirOwnAccountAndSignsOutOfBoth() throws Exception {
        long before = audited(TestIdentityProvider.OPERATOR, "LOGIN_SUCCEEDED");
        BrowserlessSession session = new BrowserlessSession();
        HttpResponse<String> home = signInThroughTheProvider(session, TestIdentityProvider.OPERATOR);
        assertThat(home.uri().toString()).isEqualTo(app("/"));
        assertThat(home.statusCode()).isEqualTo(200);
        // The same account as a local sign-in: name, role and CPI come from Ricolloca.
        assertThat(home.body()).contains("Benvenuto, Operatore Torino", "CPI Torino");
        assertThat(session.visited).anyMatch(u -> u.getPath().equals("/login/oauth2/code/regione"));
        assertThat(audited(TestIdentityProvider.OPERATOR, "LOGIN_SUCCEEDED")).isEqualTo(before + 1);
        // A page that needs the operator's rights opens.
        assertThat(session.get(app("/account/tokens")).statusCode()).isEqualTo(200);

        session.visited.clear();
        HttpResponse<String> out = session.post(app("/logout"), BrowserlessSession.hiddenFields(home.body(), "/logout"));
        // RP-initiated logout: through the provider's end-session endpoint, back to the login page.
        assertThat(session.visited).anyMatch(u -> u.toString().startsWith(TestIdentityProvider.start().issuer()
                + "/connect/logout"));
        assertThat(out.uri().toString()).isEqualTo(app("/login?logout"));
        assertThat(out.body()).contains("Sei uscito da Ricolloca.");
        assertThat(session.get(app("/")).uri().getPath()).isEqualTo("/login");
        // The provider's session ended too: the button asks for the password again.
        HttpResponse<String> again = session.get(app("/oauth2/authorization/regione"));
        assertThat(again.uri().toString()).startsWith(TestIdentityProvider.start().issuer() + "/login");
    }

    @Test
    void aPersonWithoutAnAccountIsRefusedWithAnItalianPageAndNoSession() throws Exception {
        long before = audited(TestIdentityProvider.STRANGER, "LOGIN_FAILED");
        BrowserlessSession session = new BrowserlessSession();
        HttpResponse<String> refused = signInThroughTheProvider(session, TestIdentityProvider.STRANGER);
        assertThat(refused.uri().getPath()).isEqualTo("/login/regione/rifiutato");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Accesso non consentito",
                "non corrisponde a nessuna utenza di Ricolloca");
        assertThat(session.get(app("/")).uri().getPath()).isEqualTo("/login");
        assertThat(audited(TestIdentityProvider.STRANGER, "LOGIN_FAILED")).isEqualTo(before + 1);
    }

    @Test
    void aDisabledAccountIsRefusedWithAnItalianPageAndNoSession() throws Exception {
        UserAccount account = TestIdentityProvider.disabledAccount(users, administration);
        long before = audited(account.getUsername(), "LOGIN_REFUSED_DISABLED");
        BrowserlessSession session = new BrowserlessSession();
        HttpResponse<String> refused = signInThroughTheProvider(session, TestIdentityProvider.DISABLED);
        assertThat(refused.uri().getPath()).isEqualTo("/login/regione/rifiutato");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("La tua utenza di Ricolloca è disattivata");
        assertThat(session.get(app("/")).uri().getPath()).isEqualTo("/login");
        assertThat(audited(account.getUsername(), "LOGIN_REFUSED_DISABLED")).isEqualTo(before + 1);
    }

    @Test
    void aLocalPasswordStillSignsInWhileTheRegionKeepsIt() throws Exception {
        BrowserlessSession session = new BrowserlessSession();
        HttpResponse<String> login = session.get(app("/login"));
        Map<String, String> form = new LinkedHashMap<>(BrowserlessSession.hiddenFields(login.body(), "/login"));
        form.put("username", "tutor.torino");
        form.put("password", "demo-ricolloca");
        HttpResponse<String> home = session.post(app("/login"), form);
        assertThat(home.uri().toString()).isEqualTo(app("/"));
        assertThat(home.body()).contains("Benvenuto, Tutor Torino");
        // Signing out of a local session does not go through the provider.
        session.visited.clear();
        HttpResponse<String> out = session.post(app("/logout"), BrowserlessSession.hiddenFields(home.body(), "/logout"));
        assertThat(out.uri().toString()).isEqualTo(app("/login?logout"));
        assertThat(session.visited).noneMatch(u -> u.getPort() != port);
    }

    @Test
    void anAdministratorRecordsTheCodiceFiscaleTheProviderMayMatchWithoutStalingTheForm() {
        CurrentUser region = users.findByUsername("regione").orElseThrow().toCurrentUser();
        UserAccount account = administration.create(region, "sso.cf." + System.nanoTime() % 100000, "Persona Codice Fiscale",
                "sso.cf@example.org", null, java.util.List.of(Role.REGIONAL_VACANCY_MANAGER), "Codice-Fiscale-2026!");
        long version = users.findById(account.getId()).orElseThrow().getVersion();
        String code = "VRDLGU75B02F205" + CodiceFiscale.checkCharacter("VRDLGU75B02F205");
        char wrong = code.charAt(15) == 'A' ? 'B' : 'A';
        administration.setFiscalCode(region, account.getId(), " " + code.toLowerCase() + " ");
        UserAccount saved = users.findById(account.getId()).orElseThrow();
        assertThat(saved.getFiscalCode()).isEqualTo(code);
        assertThat(saved.getVersion()).isEqualTo(version);
        assertThat(users.findByFiscalCode(code)).map(UserAccount::getId).contains(account.getId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> administration.setFiscalCode(region, account.getId(),
                code.substring(0, 15) + wrong)).isInstanceOf(UserAdministration.UserRejectedException.class)
                .hasMessageContaining("user.fiscalCode.invalid");
        UserAccount other = administration.create(region, "sso.cf2." + System.nanoTime() % 100000, "Altra Persona",
                "sso.cf2@example.org", null, java.util.List.of(Role.REGIONAL_VACANCY_MANAGER), "Codice-Fiscale-2026!");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> administration.setFiscalCode(region, other.getId(),
                code)).isInstanceOf(UserAdministration.UserRejectedException.class)
                .hasMessageContaining("user.fiscalCode.taken");
        administration.setFiscalCode(region, account.getId(), "");
        assertThat(users.findById(account.getId()).orElseThrow().getFiscalCode()).isNull();
    }
}
