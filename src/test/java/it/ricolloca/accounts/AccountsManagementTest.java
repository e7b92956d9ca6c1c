package it.ricolloca.accounts;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.internal.Delegation;
import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class AccountsManagementTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired UserAccountRepository users;
    @Autowired UserAdministration administration;
    @Autowired DelegationAdministration delegations;
    @Autowired Delegations delegationQueries;

    @Test
    void aMasterCreatesAnOperatorOfTheirOwnCentre() throws Exception {
        MvcResult result = mvc.perform(post("/users").with(csrfOnce()).with(as(userDetails, "master.torino"))
                .param("username", "nuovo.operatore").param("fullName", "Nuovo Operatore")
                .param("email", "nuovo.operatore@example.org").param("roles", "CPI_OPERATOR")
                .param("centreId", String.valueOf(centreOf("master.novara")))
                .param("password", "Password-nuova-1").param("version", "0")).andReturn();
        UserAccount created = users.findByUsername("nuovo.operatore").orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/users/" + created.getId());
        assertThat(created.getCentreId()).as("a master cannot place a user in another CPI").isEqualTo(centreOf("master.torino"));
        assertThat(mvc.perform(formLogin("/login").user("nuovo.operatore").password("Password-nuova-1")).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aMasterCannotGrantTheMasterRoleNorRegionalRoles() throws Exception {
        String page = mvc.perform(post("/users").with(csrfOnce()).with(as(userDetails, "master.novara"))
                .param("username", "aspirante.master").param("fullName", "Aspirante").param("email", "a@example.org")
                .param("roles", "CPI_MASTER").param("password", "Password-nuova-1").param("version", "0"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Puoi assegnare solo i ruoli di operatore, tutor e referente delle offerte.");
        assertThat(users.findByUsername("aspirante.master")).isEmpty();
    }

    @Test
    void aWeakPasswordOrATakenUsernameIsRefusedInItalian() throws Exception {
        String weak = mvc.perform(post("/users").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("username", "password.debole").param("fullName", "Debole").param("email", "d@example.org")
                .param("roles", "REGIONAL_ADR_SERVICE").param("password", "corta").param("version", "0"))
                .andReturn().getResponse().getContentAsString();
        assertThat(weak).contains("La password deve avere almeno 10 caratteri.");
        String taken = mvc.perform(post("/users").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("username", "tutor.torino").param("fullName", "Doppio").param("email", "d@example.org")
                .param("roles", "REGIONAL_ADR_SERVICE").param("password", "Password-lunga-1").param("version", "0"))
                .andReturn().getResponse().getContentAsString();
        assertThat(taken).contains("Questo nome utente è già in uso.");
    }

    @Test
    void theUserListOfAMasterShowsOnlyTheirCentre() throws Exception {
        String page = mvc.perform(get("/users").with(as(userDetails, "master.novara"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Tutor Novara").doesNotContain("Tutor Torino", "Amministrazione regionale");
        String admin = mvc.perform(get("/users").param("q", "tutor").with(as(userDetails, "regione"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(admin).contains("Tutor Novara", "Tutor Torino");
    }

    @Test
    void aMasterGrantsAndRevokesADelegationWithinTheirCentreOnly() {
        CurrentUser master = users.findByUsername("master.torino").orElseThrow().toCurrentUser();
        long operator = users.findByUsername("operatore.torino").orElseThrow().getId();
        long otherOperator = users.findByUsername("operatore.novara").orElseThrow().getId();

        Delegation d = delegations.grant(master, operator, DelegatedFunction.VACANCIES, Dates.today(), null);
        assertThat(delegationQueries.isActive(operator, DelegatedFunction.VACANCIES, Dates.today())).isTrue();

        assertThatThrownBy(() -> delegations.grant(master, operator, DelegatedFunction.VACANCIES,
                Dates.today().plusDays(3), null)).hasMessage("delegation.overlap");
        assertThatThrownBy(() -> delegations.grant(master, otherOperator, DelegatedFunction.VACANCIES,
                Dates.today(), null)).hasMessage("delegation.delegate.invalid");

        CurrentUser otherMaster = users.findByUsername("master.novara").orElseThrow().toCurrentUser();
        assertThatThrownBy(() -> delegations.revoke(otherMaster, d.getId())).isInstanceOf(NotFoundException.class);

        delegations.revoke(master, d.getId());
        assertThat(delegationQueries.isActive(operator, DelegatedFunction.VACANCIES, Dates.today())).isFalse();
        assertThatThrownBy(() -> delegations.revoke(master, d.getId())).hasMessage("delegation.notRevocable");
    }

    @Test
    void theDemoOperatorsHoldTheirTwoDelegations() {
        for (String name : new String[] {"operatore.torino", "operatore.novara"}) {
            long id = users.findByUsername(name).orElseThrow().getId();
            assertThat(delegationQueries.isActive(id, DelegatedFunction.INTERMEDIATED_REQUEST, Dates.today())).isTrue();
            assertThat(delegationQueries.isActive(id, DelegatedFunction.RELEASE, Dates.today())).isTrue();
            assertThat(delegationQueries.isActive(id, DelegatedFunction.AGENDA, Dates.today())).isFalse();
        }
    }

    @Test
    void theDelegationListOfAMasterShowsOnlyTheirCentreAndTheRegionSeesAll() throws Exception {
        String novara = mvc.perform(get("/delegations").with(as(userDetails, "master.novara"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(novara).contains("Operatore Novara").doesNotContain("Operatore Torino");
        String region = mvc.perform(get("/delegations").with(as(userDetails, "adr.regione"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(region).contains("Operatore Novara", "Operatore Torino").doesNotContain("Nuova delega");
    }

    @Test
    void aDelegationEndingBeforeItStartsIsRefused() throws Exception {
        long operator = users.findByUsername("operatore.novara").orElseThrow().getId();
        String page = mvc.perform(post("/delegations").with(csrfOnce()).with(as(userDetails, "master.novara"))
                .param("delegateId", String.valueOf(operator)).param("function", "AGENDA")
                .param("startDate", Dates.today().plusDays(5).toString())
                .param("endDate", Dates.today().plusDays(1).toString())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("La data di fine non può precedere quella di inizio.");
        String garbage = mvc.perform(post("/delegations").with(csrfOnce()).with(as(userDetails, "master.novara"))
                .param("delegateId", "abc").param("function", "NOPE").param("startDate", "31/02/2026"))
                .andReturn().getResponse().getContentAsString();
        assertThat(garbage).contains("Valore non valido.", "Funzione non valida.", "Data non valida.");
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOneAndFollowsTheRules() throws Exception {
        UserAccount user = administration.create(users.findByUsername("regione").orElseThrow().toCurrentUser(),
                "cambio.password", "Cambio Password", "cp@example.org", null, Set.of(Role.REGIONAL_ADR_SERVICE),
                "Iniziale-password-1");
        var me = as(userDetails, "cambio.password");
        String wrong = mvc.perform(post("/account/password").with(csrfOnce()).with(me).param("currentPassword", "sbagliata")
                .param("newPassword", "Nuova-password-2").param("confirmPassword", "Nuova-password-2"))
                .andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("La password attuale non è corretta.");
        String mismatch = mvc.perform(post("/account/password").with(csrfOnce()).with(me)
                .param("currentPassword", "Iniziale-password-1").param("newPassword", "Nuova-password-2")
                .param("confirmPassword", "Altra-password-3")).andReturn().getResponse().getContentAsString();
        assertThat(mismatch).contains("La conferma non coincide con la nuova password.");
        String done = mvc.perform(post("/account/password").with(csrfOnce()).with(me)
                .param("currentPassword", "Iniziale-password-1").param("newPassword", "Nuova-password-2")
                .param("confirmPassword", "Nuova-password-2")).andReturn().getResponse().getRedirectedUrl();
        assertThat(done).isEqualTo("/");
        assertThat(mvc.perform(formLogin("/login").user("cambio.password").password("Nuova-password-2")).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(user.getId()).isPositive();
    }

    @Test
    void disablingAUserEndsTheirOpenSessionAtOnce() throws Exception {
        CurrentUser admin = users.findByUsername("regione").orElseThrow().toCurrentUser();
        UserAccount user = administration.create(admin, "sessione.prova", "Sessione Prova", "sp@example.org",
                centreOf("master.torino"), Set.of(Role.CPI_TUTOR), "Sessione-prova-1");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=sessione.prova&password=Sessione-prova-1&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        administration.setEnabled(admin, user.getId(), false);

        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(base() + "/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aRefusedTokenOrPasswordResetComesBackOnTheFieldWithoutShowingThePassword() throws Exception {
        String longName = "Integrazione gestionale " + "x".repeat(90);
        MvcResult tooLong = mvc.perform(post("/account/tokens").with(csrfOnce()).with(as(userDetails, "operatore.torino"))
                .param("name", longName)).andReturn();
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(200);
        assertThat(tooLong.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("al massimo 100 caratteri",
                "value=\"" + longName + "\"");
        MvcResult blank = mvc.perform(post("/account/tokens").with(csrfOnce()).with(as(userDetails, "operatore.torino"))
                .param("name", " ")).andReturn();
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(blank.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Campo obbligatorio.");

        long operator = users.findByUsername("operatore.torino").orElseThrow().getId();
        MvcResult weak = mvc.perform(post("/users/" + operator + "/password").with(csrfOnce())
                .with(as(userDetails, "master.torino")).param("password", "corta-1")).andReturn();
        assertThat(weak.getResponse().getStatus()).isEqualTo(200);
        String page = weak.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("La password deve avere almeno 10 caratteri.").doesNotContain("corta-1");
        MvcResult empty = mvc.perform(post("/users/" + operator + "/password").with(csrfOnce())
                .with(as(userDetails, "master.torino")).param("password", "")).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(200);
        assertThat(empty.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Campo obbligatorio.");
    }

    @LocalServerPort int port;

    private String base() {
        return "http://localhost:" + port;
    }

    private long centreOf(String username) {
        return users.findByUsername(username).orElseThrow().getCentreId();
    }
}
