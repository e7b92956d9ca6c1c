package it.ricolloca.shared.forms;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.shared.web.ErrorKeys;
import it.ricolloca.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A web form acts once: sent again with the same one-time token (a double click past the page's guard,
 * Back and resubmit, a retried request) it answers 409 with an Italian page and changes nothing; two
 * copies arriving together act once; a form refused with a problem or shown again with its errors may be
 * corrected and sent again with the same token.
 */
@IntegrationTest
class SingleSubmissionTest {

    private static final Pattern ONCE = Pattern.compile("name=\"_once\" value=\"([0-9a-f-]{36})\"");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired FormSubmissions submissions;

    @Test
    void everyFormCarriesItsOwnToken() throws Exception {
        String page = mvc.perform(get("/users/new").with(as(users, "regione"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> tokens = tokens(page);
        assertThat(tokens).isNotEmpty().doesNotHaveDuplicates();
        assertThat(tokens(mvc.perform(get("/users/new").with(as(users, "regione"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))).doesNotContainAnyElementsOf(tokens);
    }

    @Test
    void aFormSentAgainActsOnceAndSaysSoInItalian() throws Exception {
        String token = token("/training");
        MvcResult first = mvc.perform(course("Replica del modulo", "4", token)).andReturn();
        assertThat(first.getResponse().getStatus()).isEqualTo(302);
        assertThat(first.getFlashMap().get("problem")).isNull();

        MvcResult again = mvc.perform(course("Replica del modulo", "4", token)).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(courses("Replica del modulo")).isEqualTo(1);
        String page = mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 409)
                .requestAttr(ErrorKeys.TITLE, "form.replayed.title")
                .requestAttr(ErrorKeys.TEXT, "form.replayed.text").accept("text/html")
                .with(as(users, "regione"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Modulo già inviato", "eseguita una volta sola", "non ha cambiato nulla");
        assertThat(again.getRequest().getAttribute(ErrorKeys.TITLE)).isEqualTo("form.replayed.title");
    }

    @Test
    void twoCopiesArrivingTogetherActOnce() throws Exception {
        String token = token("/training");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(course("Doppio clic simultaneo", "2", token)).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(courses("Doppio clic simultaneo")).isEqualTo(1);
    }

    @Test
    void aRefusedFormOrOneShownAgainWithItsErrorsMayBeCorrectedAndSentAgain() throws Exception {
        String token = token("/training");
        MvcResult refused = mvc.perform(course("Corretto dopo il rifiuto", "tante", token)).andReturn();
        assertThat(refused.getResponse().getStatus()).as("shown again with its errors").isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("is-invalid");
        MvcResult corrected = mvc.perform(course("Corretto dopo il rifiuto", "3", token)).andReturn();
        assertThat(corrected.getResponse().getStatus()).isEqualTo(302);
        assertThat(corrected.getFlashMap().get("problem")).isNull();
        assertThat(courses("Corretto dopo il rifiuto")).isEqualTo(1);

        String userToken = token("/users/new");
        MvcResult invalid = mvc.perform(user("doppio.invio", "non-una-email", userToken)).andReturn();
        assertThat(invalid.getResponse().getStatus()).isEqualTo(200);
        assertThat(invalid.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("is-invalid");
        MvcResult created = mvc.perform(user("doppio.invio", "doppio.invio@example.org", userToken)).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(user("doppio.invio", "doppio.invio@example.org", userToken)).andReturn()
                .getResponse().getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from accounts_user where username = 'doppio.invio'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aFormWithoutCsrfSpendsNoTokenAndTokensAreForgottenAfterAWhile() throws Exception {
        String token = token("/training");
        assertThat(mvc.perform(post("/training").param("title", "Senza CSRF").param("content", "ACTIVATION_DIARY")
                .param("hours", "2").param("_once", token).with(as(users, "regione"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(course("Con CSRF dopo il rifiuto", "2", token)).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        jdbc.sql("update shared_form_submission set submitted_at = now() - interval '8 days' where token = ?::uuid")
                .param(token).update();
        assertThat(submissions.forgetOld()).isPositive();
        assertThat(jdbc.sql("select count(*) from shared_form_submission where token = ?::uuid").param(token)
                .query(Long.class).single()).isZero();
    }

    private MockHttpServletRequestBuilder course(String title, String hours, String token) {
        return post("/training").param("title", title).param("content", "ACTIVATION_DIARY").param("hours", hours)
                .param("description", "Prova dell'invio unico").param("_once", token).with(csrf())
                .with(as(users, "regione"));
    }

    private MockHttpServletRequestBuilder user(String username, String email, String token) {
        return post("/users").param("username", username).param("fullName", "Doppio Invio").param("email", email)
                .param("roles", "REGIONAL_ADR_SERVICE").param("password", "Invio-unico-2026").param("_once", token)
                .with(csrf()).with(as(users, "regione"));
    }

    private long courses(String title) {
        return jdbc.sql("select count(*) from training_course where title = ?").param(title).query(Long.class).single();
    }

    private String token(String page) throws Exception {
        return tokens(mvc.perform(get(page).with(as(users, "regione"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get(0);
    }

    private static List<String> tokens(String page) {
        List<String> tokens = new ArrayList<>();
        Matcher m = ONCE.matcher(page);
        while (m.find()) {
            tokens.add(m.group(1));
        }
        return tokens;
    }
}
