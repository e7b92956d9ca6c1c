package it.ricolloca.security;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.support.Browser;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.NodeWork;
import it.ricolloca.support.ReleasedWorkers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Acts happen only when meant: an API call riding on a browser's session cookie needs the CSRF token, a
 * form without its one-time token is refused, two forms that create the same thing at once give one and a
 * conflict (never a 500); and a session is what its user says it is: changing the password ends the
 * user's other sessions, and guessing the current password ends them all.
 */
@IntegrationTest
class IntentAndSessionsTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired UserAccountRepository accounts;
    @Autowired UserAdministration administration;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired ConfigurableApplicationContext context;
    @Autowired ReleasedWorkers released;

    @Test
    void aSessionCookieAloneCannotDecideThroughTheApi() throws Exception {
        long request = NodeWork.checkedRequest(context, 16_001, "cookie.api@example.org");
        Browser master = new Browser(port).signIn("master.torino", DemoUsers.PASSWORD);
        HttpResponse<String> bare = master.postBare("/api/v1/requests/" + request + "/release", "application/json", "");
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(status(request)).as("nothing decided").isEqualTo("UNDER_REVIEW");

        String token = tokens.create(accounts.findByUsername("master.torino").orElseThrow().getId(), "intento", "regione");
        var withToken = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/requests/" + request + "/release"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"note\": \"con il token\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(status(request)).isEqualTo("RELEASED");
    }

    @Test
    void aFormWithoutItsOneTimeTokenIsRefusedAndChangesNothing() throws Exception {
        long before = notices("Avviso senza contrassegno");
        for (int i = 0; i < 3; i++) {
            var r = mvc.perform(post("/notices").with(csrf()).with(as(users, "regione")).param("title",
                    "Avviso senza contrassegno").param("body", "Testo").param("role", "CPI_MASTER")).andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(400);
        }
        assertThat(notices("Avviso senza contrassegno")).isEqualTo(before);
        Browser admin = new Browser(port).signIn("regione", DemoUsers.PASSWORD);
        HttpResponse<String> page = admin.post("/notices", Map.of("_csrf", admin.csrf("/notices"), "title",
                "Avviso senza contrassegno", "body", "Testo", "role", "CPI_MASTER"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Modulo non riconosciuto", "nulla è stato salvato");
        assertThat(notices("Avviso senza contrassegno")).isEqualTo(before);
    }

    @Test
    void sixBookingsOfTheSameWorkerAtOnceGiveOneAppointmentAndNoError() throws Exception {
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Prenotazione", "Contesa");
        String start = it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(it.ricolloca.shared.web.Dates.today().plusDays(11)).atTime(11, 0).toString();
        List<Browser> tabs = new ArrayList<>();
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Browser tab = new Browser(port).signIn(i % 2 == 0 ? "master.torino" : "tutor.torino", DemoUsers.PASSWORD);
            String page = tab.get("/pathways/queue/" + request).body();
            tabs.add(tab);
            forms.add(Map.of("_csrf", token(page, "_csrf"), "_once", token(page, "_once"), "start", start));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                go.await();
                return tabs.get(n).post("/pathways/queue/" + request, forms.get(n));
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 409) {
                assertThat(r.body()).contains("Già registrato da un'altra operazione");
            }
        }
        pool.shutdown();
        assertThat(statuses).as("no error, whoever came second").allMatch(s -> s == 302 || s == 409);
        assertThat(jdbc.sql("select count(*) from pathway_pathway where request_id = ?").param(request)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from agenda_appointment where request_id = ? and status <> 'CANCELLED'")
                .param(request).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessionsOnly() throws Exception {
        user("sessioni.prova", "Sessioni-prima-7");
        Browser here = new Browser(port).signIn("sessioni.prova", "Sessioni-prima-7");
        Browser elsewhere = new Browser(port).signIn("sessioni.prova", "Sessioni-prima-7");
        assertThat(elsewhere.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = here.submit("/account/password", "/account/password", Map.of(
                "currentPassword", "Sessioni-prima-7", "newPassword", "Sessioni-dopo-8", "confirmPassword",
                "Sessioni-dopo-8"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(here.get("/").statusCode()).as("the session that changed it").isEqualTo(200);
        assertThat(elsewhere.get("/").statusCode()).as("the other session").isEqualTo(302);
    }

    @Test
    void guessingTheCurrentPasswordEndsTheSessionAndHoldsTheSourceOff() throws Exception {
        long id = user("indovina.prova", "Indovina-vera-3");
        Browser stolen = new Browser(port).signIn("indovina.prova", "Indovina-vera-3");
        Map<String, String> wrong = Map.of("currentPassword", "forse-questa", "newPassword", "Indovina-nuova-4",
                "confirmPassword", "Indovina-nuova-4");
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = stolen.submit("/account/password", "/account/password", wrong);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("password attuale");
        }
        HttpResponse<String> fifth = stolen.submit("/account/password", "/account/password", wrong);
        assertThat(fifth.statusCode()).isEqualTo(302);
        assertThat(fifth.headers().firstValue("Location").orElse("")).contains("/login?locked=15");
        assertThat(stolen.get("/").statusCode()).as("signed out").isEqualTo(302);
        assertThat(new Browser(port).signIn("indovina.prova", "Indovina-vera-3").get("/").statusCode())
                .as("the source is held off, even with the right password").isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PASSWORD_CHANGE_FAILED' and record_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(5);
        administration.unlock(accounts.findByUsername("regione").orElseThrow().toCurrentUser(), id);
    }

    private long user(String username, String password) {
        return accounts.findByUsername(username).map(u -> u.getId()).orElseGet(() -> administration.create(
                accounts.findByUsername("regione").orElseThrow().toCurrentUser(), username, "Utente " + username,
                username + "@example.org", accounts.findByUsername("master.torino").orElseThrow().getCentreId(),
                Set.of(Role.CPI_TUTOR), password).getId());
    }

    private String status(long request) {
        return jdbc.sql("select status from requests_voucher_request where id = ?").param(request).query(String.class)
                .single();
    }

    private long notices(String title) {
        return jdbc.sql("select count(*) from notifications_notice where title = ?").param(title).query(Long.class)
                .single();
    }

    private static String token(String page, String name) {
        var m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
