package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.SignInGuard;
import it.ricolloca.accounts.internal.SourceRateLimits;
import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.accounts.web.AccountRoutes;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in abuse (issue 20, ADR 0031): a stranger who knows a username cannot keep its owner out, whether from
 * one address or from many; every source has a rate of sign-ins and of calls with a token, past which the login
 * page says when to retry and the API answers 429 with Retry-After; X-Forwarded-For is not believed unless a
 * proxy is configured; and no flood of names or addresses grows what a node keeps without bound. Addresses are
 * from the documentation ranges, apart from every other test's.
 */
@IntegrationTest
class SignInAbuseTest {

    private static final String PASSWORD = "Abuso-prova-31";

    @Autowired MockMvc mvc;
    @Autowired UserAdministration administration;
    @Autowired UserAccountRepository users;
    @Autowired JdbcClient jdbc;
    @Autowired SignInGuard guard;
    @Autowired SourceRateLimits limits;
    @Autowired ApiTokens tokens;
    @Autowired UserDetailsService userDetails;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStrangerFailingFromOneAddressIsBackedOffWhileTheOwnerSignsInFromTheirs() throws Exception {
        UserAccount owner = newUser("operatore.abuso");
        String stranger = "198.51.100.11";
        String ownersDesk = "198.51.100.12";
        for (int i = 1; i <= 5; i++) {
            assertThat(login("operatore.abuso", "indovina-" + i, stranger)).isEqualTo("/login?error");
        }
        assertThat(login("operatore.abuso", PASSWORD, stranger)).as("the stranger, even with the right password")
                .isEqualTo("/login?locked=15");
        assertThat(login("operatore.abuso", PASSWORD, ownersDesk)).as("the owner from their own desk").isEqualTo("/");
        assertThat(users.findById(owner.getId()).orElseThrow().isLocked(Instant.now())).as("the account itself")
                .isFalse();
        assertThat(auditActions("operatore.abuso")).contains("SIGN_IN_SOURCE_LOCKED", "LOGIN_REFUSED_LOCKED",
                "LOGIN_SUCCEEDED");
    }

    @Test
    void xForwardedForIsNotBelievedWithoutAConfiguredProxy() throws Exception {
        newUser("inoltro.abuso");
        String stranger = "198.51.100.21";
        String ownersDesk = "198.51.100.22";
        for (int i = 0; i < 5; i++) {
            login("inoltro.abuso", "indovina", stranger);
        }
        assertThat(mvc.perform(post("/login").param("username", "inoltro.abuso").param("password", PASSWORD)
                .with(csrf()).with(from(stranger)).header("X-Forwarded-For", ownersDesk)).andReturn().getResponse()
                .getRedirectedUrl()).as("the stranger claiming the owner's address").startsWith("/login?locked=");
        assertThat(mvc.perform(post("/login").param("username", "inoltro.abuso").param("password", PASSWORD)
                .with(csrf()).with(from(ownersDesk)).header("X-Forwarded-For", stranger)).andReturn().getResponse()
                .getRedirectedUrl()).as("the owner, whatever a header says").isEqualTo("/");
    }

    @Test
    void guessingSpreadOverManyAddressesGuardsTheUsernameButNeverKeepsTheOwnerOut() throws Exception {
        UserAccount owner = newUser("diffuso.abuso");
        String ownersDesk = "203.0.113.200";
        assertThat(login("diffuso.abuso", PASSWORD, ownersDesk)).isEqualTo("/");
        for (int source = 1; source <= 8; source++) {
            for (int i = 0; i < 5; i++) {
                login("diffuso.abuso", "indovina-" + source + "-" + i, "203.0.113." + source);
            }
        }
        assertThat(guard.guardedUntil("diffuso.abuso")).as("40 failures from 8 addresses within the hour").isPresent();
        assertThat(auditActions("diffuso.abuso")).containsOnlyOnce("SIGN_IN_USER_GUARDED");
        assertThat(mvc.perform(get(AccountRoutes.user(owner.getId())).with(DemoUsers.as(userDetails, "regione")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("the administrator sees the guard").contains("Tentativi di accesso falliti da molti indirizzi");

        String newcomer = "203.0.113.50";
        assertThat(login("diffuso.abuso", "indovina", newcomer)).isEqualTo("/login?error");
        assertThat(login("diffuso.abuso", "indovina", newcomer)).isEqualTo("/login?error");
        assertThat(login("diffuso.abuso", PASSWORD, newcomer)).as("an unknown address, after 2 failures")
                .isEqualTo("/login?locked=15");

        for (int i = 0; i < 4; i++) {
            assertThat(login("diffuso.abuso", "sbaglio-di-battitura", ownersDesk)).isEqualTo("/login?error");
        }
        assertThat(login("diffuso.abuso", PASSWORD, ownersDesk)).as("the owner's known desk keeps its 5 attempts")
                .isEqualTo("/");
        assertThat(login("diffuso.abuso", PASSWORD, "203.0.113.201")).as("the owner from a new address, right password")
                .isEqualTo("/");
        assertThat(users.findById(owner.getId()).orElseThrow().isLocked(Instant.now())).isFalse();

        administration.unlock(admin(), owner.getId());
        assertThat(guard.guardedUntil("diffuso.abuso")).as("the administrator lifts the guard too").isEmpty();
    }

    @Test
    void tooManySignInsFromOneAddressAreSlowedDownAndThePageSaysWhenToRetry() throws Exception {
        newUser("ritmo.abuso");
        String office = "198.51.100.30";
        int allowed = 0;
        MockHttpServletResponse refused = null;
        // 30 at once, then 10 a minute: each sign-in takes far less than the 6 s a token needs to come back
        for (int i = 0; i < 60 && refused == null; i++) {
            MockHttpServletResponse r = loginResponse("ritmo.abuso", PASSWORD, office);
            if (r.getRedirectedUrl().startsWith("/login?limited=")) {
                refused = r;
            } else {
                assertThat(r.getRedirectedUrl()).isEqualTo("/");
                allowed++;
            }
        }
        assertThat(allowed).as("the burst").isGreaterThanOrEqualTo(30);
        assertThat(refused).as("refused within 60 sign-ins").isNotNull();
        int seconds = Integer.parseInt(refused.getRedirectedUrl().substring("/login?limited=".length()));
        assertThat(seconds).isBetween(1, 6);
        assertThat(refused.getHeader("Retry-After")).isEqualTo(String.valueOf(seconds));
        assertThat(refused.getStatus()).isEqualTo(302);

        String page = mvc.perform(get(refused.getRedirectedUrl())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Troppi tentativi di accesso da questo indirizzo in poco tempo: riprova tra "
                + (seconds == 1 ? "1 secondo" : seconds + " secondi"));
        assertThat(mvc.perform(get("/login").param("limited", "600")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("riprova tra 10 minuti");
        assertThat(mvc.perform(get("/login").param("limited", "x<script>")).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        assertThat(login("ritmo.abuso", PASSWORD, "198.51.100.31")).as("another address").isEqualTo("/");
        loginResponse("ritmo.abuso", PASSWORD, office);
        assertThat(auditActions("ritmo.abuso")).as("the first refusal of a flood, not each")
                .containsOnlyOnce("SIGN_IN_SOURCE_LIMITED");
    }

    @Test
    void tooManyCallsWithATokenFromOneAddressAnswer429WithRetryAfterAndAnItalianProblem() throws Exception {
        String token = tokens.create(users.findByUsername("adr.regione").orElseThrow().getId(), "prova del ritmo",
                "regione");
        String warehouse = "198.51.100.40";
        for (int i = 0; i < 20; i++) {
            assertThat(api(token, warehouse).getStatus()).isEqualTo(200);
        }
        // the rest of the burst but one is taken here at once (a token comes back every 200 ms): the last token
        // is the call's
        while (limits.available(SourceRateLimits.Kind.API, warehouse) >= 2) {
            limits.take(SourceRateLimits.Kind.API, warehouse);
        }
        assertThat(api(token, warehouse).getStatus()).as("the last token of the burst").isEqualTo(200);
        // then the bucket is emptied and the next call refused; should a token come back between the emptying and
        // the call (a slow machine), the bucket is emptied again
        MockHttpServletResponse refused = null;
        for (int attempt = 0; attempt < 5 && refused == null; attempt++) {
            while (limits.available(SourceRateLimits.Kind.API, warehouse) >= 1) {
                limits.take(SourceRateLimits.Kind.API, warehouse);
            }
            MockHttpServletResponse r = api(token, warehouse);
            refused = r.getStatus() == 429 ? r : null;
        }
        assertThat(refused).isNotNull();
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 2);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asText()).isEqualTo("Troppi tentativi");
        assertThat(problem.get("detail").asText()).startsWith("Troppe richieste da questo indirizzo in poco tempo: riprova tra");
        assertThat(problem.get("code").asText()).isEqualTo("api.tooManyRequests");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/centres");

        assertThat(api(token, "198.51.100.41").getStatus()).as("another address").isEqualTo(200);
        assertThat(api(token, "2001:db8:40:1::1").getStatus()).isEqualTo(200);
        int sameNetwork = 200;
        for (int attempt = 0; attempt < 5 && sameNetwork != 429; attempt++) {
            while (limits.available(SourceRateLimits.Kind.API, "2001:db8:40:1::2") >= 1) {
                limits.take(SourceRateLimits.Kind.API, "2001:db8:40:1::2"); // one address empties its whole /64
            }
            sameNetwork = api(token, "2001:db8:40:1:ffff:ffff:ffff:ffff").getStatus();
        }
        assertThat(sameNetwork).as("another address of the same /64").isEqualTo(429);
        assertThat(auditActions("198.51.100.40")).containsOnlyOnce("API_SOURCE_LIMITED");
    }

    @Test
    void aFloodOfDistinctNamesAndAddressesGrowsNothingWithoutBound() throws Exception {
        String flooder = "198.51.100.50";
        int bucketsBefore = limits.size();
        for (int i = 0; i < 200; i++) {
            String answer = login("inondazione" + i + ".abuso", "qualsiasi", flooder);
            assertThat(answer).startsWith("/login?");
        }
        assertThat(limits.size()).as("one bucket for the address, none per name").isLessThanOrEqualTo(bucketsBefore + 1);
        long pairs = jdbc.sql("select count(*) from accounts_sign_in_guard where source = ? and username like '=inondazione%'")
                .param(flooder).query(Long.class).single();
        assertThat(pairs).as("rows for the names tried before the address was held off").isBetween(1L, 30L);
        long perName = jdbc.sql("select count(*) from accounts_sign_in_guard where source = '*' and username like '=inondazione%'")
                .query(Long.class).single();
        assertThat(perName).isEqualTo(pairs);

        for (int i = 0; i < limits.capacity() + 5_000; i++) {
            limits.take(SourceRateLimits.Kind.SIGN_IN, "10." + (100 + i / 65_536) + "." + (i / 256 % 256) + "." + i % 256);
        }
        assertThat(limits.size()).as("addresses past the bound push the least recently used out")
                .isEqualTo(limits.capacity());
    }

    @Test
    void theNightForgetsOldKnownSourcesAndEndedGuardsButKeepsRecentOnes() throws Exception {
        newUser("notte.abuso");
        assertThat(login("notte.abuso", PASSWORD, "198.51.100.60")).isEqualTo("/");
        assertThat(guard.isKnownSource("notte.abuso", "198.51.100.60")).isTrue();
        jdbc.sql("insert into accounts_sign_in_source (username, source, last_success_at) values (?, ?, ?)")
                .params("=notte.abuso", "198.51.100.61", Timestamp.from(Instant.now().minus(Duration.ofDays(91)))).update();
        assertThat(guard.isKnownSource("notte.abuso", "198.51.100.61")).as("91 days ago").isFalse();
        jdbc.sql("""
                insert into accounts_sign_in_guard (username, source, failures, locks, locked_until, counted_since,
                    last_failure_at) values ('=notte.abuso', '*', 40, 1, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(20))),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(2))),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(2)))).update();

        guard.forgetOld();

        assertThat(jdbc.sql("select source from accounts_sign_in_source where username = '=notte.abuso'")
                .query(String.class).list()).containsExactly("198.51.100.60");
        assertThat(jdbc.sql("select count(*) from accounts_sign_in_guard where username = '=notte.abuso'")
                .query(Long.class).single()).isZero();
    }

    private String login(String username, String password, String source) throws Exception {
        return loginResponse(username, password, source).getRedirectedUrl();
    }

    private MockHttpServletResponse loginResponse(String username, String password, String source) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(source))).andReturn().getResponse();
    }

    private MockHttpServletResponse api(String token, String source) throws Exception {
        return mvc.perform(get("/api/v1/centres").header("Authorization", "Bearer " + token).with(from(source)))
                .andReturn().getResponse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private UserAccount newUser(String username) {
        return users.findByUsername(username).orElseGet(() -> administration.create(admin(), username,
                "Utente " + username, username + "@example.org",
                users.findByUsername("master.torino").orElseThrow().getCentreId(), Set.of(Role.CPI_TUTOR), PASSWORD));
    }

    private CurrentUser admin() {
        return users.findByUsername("regione").orElseThrow().toCurrentUser();
    }

    private List<String> auditActions(String actor) {
        return jdbc.sql("select action from audit_entry where actor = ? order by id").param(actor).query(String.class).list();
    }

}
