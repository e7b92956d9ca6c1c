package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LockoutTest {

    private static final String PASSWORD = "Blocco-prova-9";

    @Autowired MockMvc mvc;
    @Autowired UserAdministration administration;
    @Autowired UserAccountRepository users;
    @Autowired JdbcClient jdbc;

    @Test
    void fiveFailedLoginsLockTheAccountForFifteenMinutesEvenWithTheRightPassword() throws Exception {
        UserAccount user = newUser("blocco.prova");

        for (int i = 1; i <= 4; i++) {
            assertThat(login("blocco.prova", "sbagliata-" + i)).isEqualTo("/login?error");
        }
        assertThat(users.findById(user.getId()).orElseThrow().getFailedAttempts()).isEqualTo(4);
        assertThat(login("blocco.prova", "sbagliata-5")).isEqualTo("/login?error");

        UserAccount locked = users.findById(user.getId()).orElseThrow();
        assertThat(locked.getLockedUntil()).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
                Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(login("blocco.prova", PASSWORD)).isEqualTo("/login?locked");

        assertThat(auditActions("blocco.prova")).contains("LOGIN_FAILED", "ACCOUNT_LOCKED", "LOGIN_REFUSED_LOCKED")
                .doesNotContain("LOGIN_SUCCEEDED");
    }

    @Test
    void anUnlockedAccountSignsInAgainAndTheCounterRestarts() throws Exception {
        UserAccount user = newUser("sblocco.prova");
        for (int i = 0; i < 5; i++) {
            login("sblocco.prova", "sbagliata");
        }
        assertThat(login("sblocco.prova", PASSWORD)).isEqualTo("/login?locked");

        administration.unlock(admin(), user.getId());

        assertThat(login("sblocco.prova", PASSWORD)).isEqualTo("/");
        assertThat(users.findById(user.getId()).orElseThrow().getFailedAttempts()).isZero();
        assertThat(auditActions("sblocco.prova")).contains("LOGIN_SUCCEEDED");
    }

    @Test
    void aSuccessfulLoginResetsTheFailures() throws Exception {
        UserAccount user = newUser("reset.prova");
        for (int i = 0; i < 4; i++) {
            login("reset.prova", "sbagliata");
        }
        assertThat(login("reset.prova", PASSWORD)).isEqualTo("/");
        assertThat(users.findById(user.getId()).orElseThrow().getFailedAttempts()).isZero();
        login("reset.prova", "sbagliata");
        assertThat(users.findById(user.getId()).orElseThrow().getLockedUntil()).isNull();
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        UserAccount user = newUser("disattivo.prova");
        administration.setEnabled(admin(), user.getId(), false);
        assertThat(login("disattivo.prova", PASSWORD)).isEqualTo("/login?disabled");
    }

    @Test
    void anUnknownUserIsRecordedAsAFailedLogin() throws Exception {
        assertThat(login("nessuno.sconosciuto", "qualsiasi")).isEqualTo("/login?error");
        assertThat(auditActions("nessuno.sconosciuto")).containsExactly("LOGIN_FAILED");
    }

    private String login(String username, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password(password)).andReturn().getResponse()
                .getRedirectedUrl();
    }

    private UserAccount newUser(String username) {
        return administration.create(admin(), username, "Utente " + username, username + "@example.org",
                users.findByUsername("master.torino").orElseThrow().getCentreId(), Set.of(Role.CPI_TUTOR), PASSWORD);
    }

    private CurrentUser admin() {
        return users.findByUsername("regione").orElseThrow().toCurrentUser();
    }

    private java.util.List<String> auditActions(String actor) {
        return jdbc.sql("select action from audit_entry where actor = ? order by id").param(actor).query(String.class).list();
    }
}
