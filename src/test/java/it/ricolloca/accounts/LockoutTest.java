package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.SignInGuard;
import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed sign-ins are counted per username and source address: five wrong passwords from one workstation
 * hold that workstation off the username for 15 minutes, twice as long at the next lock, while the owner
 * signs in from their own; a source that tries many usernames, or many API tokens, is held off them all.
 */
@IntegrationTest
class LockoutTest {

    private static final String PASSWORD = "Blocco-prova-9";
    private static final String STRANGER = "10.66.0.1";
    private static final String OWNER = "10.10.0.7";

    @Autowired MockMvc mvc;
    @Autowired UserAdministration administration;
    @Autowired UserAccountRepository users;
    @Autowired JdbcClient jdbc;
    @Autowired SignInGuard guard;
    @Autowired ApiTokens tokens;

    @Test
    void aStrangerWhoGuessesLocksOnlyTheirOwnWorkstationOutAndTheOwnerStillSignsIn() throws Exception {
        newUser("blocco.prova");
        for (int i = 1; i <= 4; i++) {
            assertThat(login("blocco.prova", "sbagliata-" + i, STRANGER)).isEqualTo("/login?error");
        }
        assertThat(login("blocco.prova", "sbagliata-5", STRANGER)).isEqualTo("/login?error");
        assertThat(guard.lockedUntil("blocco.prova", STRANGER)).hasValueSatisfying(until -> assertThat(until)
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16))));
        assertThat(login("blocco.prova", PASSWORD, STRANGER)).as("even the right password, from the stranger's source")
                .isEqualTo("/login?locked=15");

        assertThat(login("blocco.prova", PASSWORD, OWNER)).as("the owner, from their workstation").isEqualTo("/");
        assertThat(auditActions("blocco.prova")).contains("LOGIN_FAILED", "SIGN_IN_SOURCE_LOCKED", "LOGIN_REFUSED_LOCKED",
                "LOGIN_SUCCEEDED");
        String page = mvc.perform(get("/login").param("locked", "15")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("riprova tra 15 minuti", "Dalle altre postazioni");
    }

    @Test
    void eachNewLockOfTheSamePairLastsTwiceAsLong() throws Exception {
        newUser("raddoppio.prova");
        for (int i = 0; i < 5; i++) {
            login("raddoppio.prova", "sbagliata", STRANGER);
        }
        expireLock("raddoppio.prova");
        assertThat(guard.lockedUntil("raddoppio.prova", STRANGER)).isEmpty();
        for (int i = 0; i < 5; i++) {
            login("raddoppio.prova", "sbagliata", STRANGER);
        }
        assertThat(guard.lockedUntil("raddoppio.prova", STRANGER)).hasValueSatisfying(until -> assertThat(until)
                .isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31))));
    }

    @Test
    void aSourceTryingManyUsernamesIsHeldOffThemAll() throws Exception {
        newUser("sorgente.prova");
        String scanner = "10.66.0.9";
        for (int i = 0; i < 30; i++) {
            login("utente" + i + ".inesistente", "qualsiasi", scanner);
        }
        assertThat(guard.lockedUntil("sorgente.prova", scanner)).as("the source, for every username").isPresent();
        // its 31st sign-in in seconds is also past its rate (30 at once, SignInAbuseTest): either refusal holds it off
        assertThat(login("sorgente.prova", PASSWORD, scanner)).matches("/login\\?(locked|limited)=\\d+");
        assertThat(login("sorgente.prova", PASSWORD, OWNER)).isEqualTo("/");
    }

    @Test
    void aSourcePresentingManyWrongTokensIsHeldOffTheApi() throws Exception {
        String token = tokens.create(users.findByUsername("adr.regione").orElseThrow().getId(), "prova dei token",
                "regione");
        String guesser = "10.66.0.20";
        for (int i = 0; i < 20; i++) {
            assertThat(api("rcl_indovinato" + i, guesser)).isEqualTo(401);
        }
        assertThat(api(token, guesser)).as("the right token from the guessing source").isEqualTo(429);
        assertThat(api(token, "10.10.0.20")).as("the right token from elsewhere").isEqualTo(200);
    }

    @Test
    void theAdministratorLiftsTheLocksOfAUsername() throws Exception {
        UserAccount user = newUser("sblocco.prova");
        for (int i = 0; i < 5; i++) {
            login("sblocco.prova", "sbagliata", STRANGER);
        }
        assertThat(login("sblocco.prova", PASSWORD, STRANGER)).startsWith("/login?locked=");
        assertThat(guard.isLockedSomewhere("sblocco.prova")).isTrue();

        administration.unlock(admin(), user.getId());

        assertThat(guard.isLockedSomewhere("sblocco.prova")).isFalse();
        assertThat(login("sblocco.prova", PASSWORD, STRANGER)).isEqualTo("/");
        assertThat(auditActions("sblocco.prova")).contains("LOGIN_SUCCEEDED");
    }

    @Test
    void aSuccessfulLoginResetsTheFailuresOfItsSource() throws Exception {
        newUser("reset.prova");
        for (int i = 0; i < 4; i++) {
            login("reset.prova", "sbagliata", OWNER);
        }
        assertThat(login("reset.prova", PASSWORD, OWNER)).isEqualTo("/");
        for (int i = 0; i < 4; i++) {
            login("reset.prova", "sbagliata", OWNER);
        }
        assertThat(guard.lockedUntil("reset.prova", OWNER)).as("four, not eight, failures counted").isEmpty();
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        UserAccount user = newUser("disattivo.prova");
        administration.setEnabled(admin(), user.getId(), false);
        assertThat(login("disattivo.prova", PASSWORD, OWNER)).isEqualTo("/login?disabled");
    }

    @Test
    void anUnknownUserIsRecordedAsAFailedLogin() throws Exception {
        assertThat(login("nessuno.sconosciuto", "qualsiasi", OWNER)).isEqualTo("/login?error");
        assertThat(auditActions("nessuno.sconosciuto")).containsExactly("LOGIN_FAILED");
    }

    private String login(String username, String password, String source) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(source))).andReturn().getResponse().getRedirectedUrl();
    }

    private int api(String token, String source) throws Exception {
        return mvc.perform(get("/api/v1/centres").header("Authorization", "Bearer " + token).with(from(source)))
                .andReturn().getResponse().getStatus();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private void expireLock(String username) {
        jdbc.sql("update accounts_sign_in_guard set locked_until = ? where username = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), "=" + username).update();
    }

    private UserAccount newUser(String username) {
        return users.findByUsername(username).orElseGet(() -> administration.create(admin(), username,
                "Utente " + username, username + "@example.org",
                users.findByUsername("master.torino").orElseThrow().getCentreId(), Set.of(Role.CPI_TUTOR), PASSWORD));
    }

    private CurrentUser admin() {
        return users.findByUsername("regione").orElseThrow().toCurrentUser();
    }

    private java.util.List<String> auditActions(String actor) {
        return jdbc.sql("select action from audit_entry where actor = ? order by id").param(actor).query(String.class).list();
    }
}
