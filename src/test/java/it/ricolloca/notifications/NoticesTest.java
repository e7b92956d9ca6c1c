package it.ricolloca.notifications;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.network.JobCentres;
import it.ricolloca.notifications.internal.Notices;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Notices to chosen CPIs and roles: who receives them, the e-mail after commit, the read receipts, who may see what. */
@IntegrationTest
class NoticesTest {

    @Autowired Notices notices;
    @Autowired UserAccountRepository users;
    @Autowired JobCentres centres;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    @Test
    void aNoticeToNovarasTutorsIsMailedReadAndReceipted() throws Exception {
        long novara = centre("NOVARA");
        long id = notices.send(user("adr.regione"), "Riunione dei tutor", "Giovedì alle 10 in sede regionale.",
                List.of(novara), List.of(Role.CPI_TUTOR), "CPI Novara · Tutor");
        List<String> recipients = jdbc.sql("""
                select u.username from notifications_notice_recipient x join accounts_user u on u.id = x.user_id
                where x.notice_id = ?""").param(id).query(String.class).list();
        assertThat(recipients).contains("tutor.novara").doesNotContain("master.novara", "tutor.torino");
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("tutor.novara@example.org").size() == 1);
        MimeMessage mail = mails("tutor.novara@example.org").get(0);
        assertThat(mail.getSubject()).contains("Riunione dei tutor");
        assertThat(GreenMailUtil.getBody(mail)).contains("adr.regione", "Riunione dei tutor");

        assertThat(notices.unread(user("tutor.novara"))).isPositive();
        String inbox = page("/notices", "tutor.novara");
        assertThat(inbox).contains("Riunione dei tutor", "non ancora letto");
        assertThat(page("/notices/" + id, "tutor.novara")).contains("Giovedì alle 10 in sede regionale.")
                .doesNotContain("Conferme di lettura");
        assertThat(page("/notices", "tutor.novara")).doesNotContain("non ancora letto</td>");
        assertThatThrownBy(() -> notices.open(user("master.novara"), id)).isInstanceOf(NotFoundException.class);
        assertThat(status("/notices/" + id, "tutor.torino")).isEqualTo(404);

        String receipts = page("/notices/" + id, "regione");
        assertThat(receipts).contains("Conferme di lettura", "Tutor Novara (tutor.novara)", "CPI Novara · Tutor");
        assertThat(notices.receipts(user("regione"), id)).filteredOn(r -> r.username().equals("tutor.novara"))
                .singleElement().satisfies(r -> assertThat(r.readAt()).isNotNull());
        assertThat(page("/notices?sent=true", "adr.regione")).contains("Riunione dei tutor");
    }

    /** A line break typed into the title (a single-line field) would forge a line in the log that records it. */
    @Test
    void aLineBreakSentInTheTitleIsStoredAsASpace() throws Exception {
        long novara = centre("NOVARA");
        mvc.perform(post("/notices").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("title", "Avviso\r\n2026-11-29T10:00:00 INFO accesso di regione").param("body", "Riga uno\r\nRiga due")
                .param("centre", String.valueOf(novara)).param("role", "CPI_MASTER")).andReturn();
        assertThat(jdbc.sql("select title || '|' || body from notifications_notice where title like 'Avviso%accesso di regione'")
                .query(String.class).list()).containsExactly("Avviso 2026-11-29T10:00:00 INFO accesso di regione|Riga uno\r\nRiga due");
    }

    @Test
    void onlyTheRegionSendsAndANoticeWithoutRecipientsIsNotKept() throws Exception {
        long before = jdbc.sql("select count(*) from notifications_notice").query(Long.class).single();
        assertThatThrownBy(() -> notices.send(user("master.torino"), "Titolo", "Testo", List.of(), List.of(), "tutti"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notices.send(user("regione"), "Titolo", "Testo", List.of(centre("VENARIA")),
                List.of(Role.CPI_VACANCY_REFERENT), "Venaria")).hasMessage("notice.nobody");
        assertThatThrownBy(() -> notices.send(user("regione"), " ", "Testo", List.of(), List.of(), "tutti"))
                .hasMessage("notice.title.required");
        MvcResult bad = mvc.perform(post("/notices").with(csrfOnce()).with(as(userDetails, "regione")).param("title", "Oggetto")
                .param("body", "").param("centre", "abc", "999999").param("role", "REGIONAL_ADMIN")).andReturn();
        // A refusal shows the page again, the reason on the field.
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Scrivi il testo dell'avviso (al massimo 8000 caratteri).");
        assertThat(jdbc.sql("select count(*) from notifications_notice").query(Long.class).single()).isEqualTo(before);
        // A refusal gives back what was typed and chosen.
        long novara = centre("NOVARA");
        MvcResult kept = mvc.perform(post("/notices").with(csrfOnce()).with(as(userDetails, "regione"))
                .param("title", "Oggetto da ricordare").param("body", "").param("centre", String.valueOf(novara))
                .param("role", "CPI_TUTOR")).andReturn();
        String again = kept.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(again).contains("value=\"Oggetto da ricordare\"", "value=\"" + novara + "\" selected",
                "value=\"CPI_TUTOR\" checked").doesNotContain("value=\"CPI_MASTER\" checked");
        assertThat(status("/notices", "operatore.torino")).isEqualTo(200);
        assertThat(mvc.perform(post("/notices").with(csrfOnce()).with(as(userDetails, "master.torino")).param("title", "x")
                .param("body", "y")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private long centre(String code) {
        return centres.all().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().id();
    }

    private CurrentUser user(String name) {
        return users.findByUsername(name).orElseThrow().toCurrentUser();
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(userDetails, user))).andReturn().getResponse().getContentAsString();
    }

    private int status(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(userDetails, user))).andReturn().getResponse().getStatus();
    }

    private List<MimeMessage> mails(String to) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains("Riunione dei tutor");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
