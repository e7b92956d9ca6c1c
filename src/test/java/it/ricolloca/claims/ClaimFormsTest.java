package it.ricolloca.claims;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.claims.internal.ClaimRepository;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The claim's forms as a user fills them: numbers written the Italian way are stored and shown
 * right, a missing field comes back on the page with what was typed, a stale form changes nothing.
 */
@IntegrationTest
class ClaimFormsTest {

    private static final String STALE = "Il record è stato modificato da un altro utente mentre compilavi il modulo";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ClosedPathways closed;
    @Autowired ClaimRepository claims;

    private long id;
    private String page;

    @BeforeEach
    void aHiredWorkersClaim() {
        long office = closed.newTorinoOffice();
        long pathway = closed.started(office, "Moduli", "Ada", 20);
        closed.close(pathway, PathwayOutcome.HIRED, new Pathway.Hire("Moduli Srl", ClosedPathways.VAT,
                ContractType.PERMANENT, new BigDecimal("40"), Dates.today(), null));
        id = closed.claimOf(pathway).getId();
        page = "/claims/" + id;
    }

    @Test
    void anItalianProfilingIndexIsStoredAndShownTheItalianWay() throws Exception {
        MvcResult done = send("/profiling", "operatore.torino", "index", "0,73", "version", version());
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        Claim c = claim();
        assertThat(c.getProfilingIndex()).isEqualByComparingTo("0.73");
        assertThat(c.getAmount()).isEqualByComparingTo("2840");
        assertThat(show("operatore.torino")).contains("0,73", "2.840,00 €").doesNotContain("0.7300");
    }

    @Test
    void anItalianPaymentAmountIsStoredAndShownTheItalianWay() throws Exception {
        submitted();
        MvcResult done = send("/payment", "adr.regione", "amount", "1.650,50", "on", Dates.today().toString(), "version",
                version());
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(claim().getStatus()).isEqualTo(ClaimStatus.PAID);
        assertThat(claim().getPaidAmount()).isEqualByComparingTo("1650.50");
        assertThat(show("adr.regione")).contains("1.650,50 €");
    }

    @Test
    void aBlankOrForeignFieldIsAnErrorOnTheFieldAndTheInputStays() throws Exception {
        MvcResult blank = send("/profiling", "operatore.torino", "index", "", "version", version());
        assertThat(blank.getResponse().getStatus()).isEqualTo(200);
        assertThat(blank.getResponse().getContentAsString()).contains("id=\"index-error\"", "Campo obbligatorio.");
        MvcResult foreign = send("/profiling", "operatore.torino", "index", "0.73", "version", version());
        assertThat(foreign.getResponse().getStatus()).isEqualTo(200);
        assertThat(foreign.getResponse().getContentAsString()).contains("id=\"index-error\"", "value=\"0.73\"");
        assertThat(claim().getProfilingIndex()).isNull();

        submitted();
        long before = claim().getVersion();
        MvcResult payment = send("/payment", "adr.regione", "amount", "1.650,50", "on", "", "version", version());
        assertThat(payment.getResponse().getStatus()).isEqualTo(200);
        assertThat(payment.getResponse().getContentAsString()).contains("id=\"paid-on-error\"", "Campo obbligatorio.",
                "value=\"1650,5\"");
        MvcResult refusal = send("/refusal", "adr.regione", "reason", "", "on", Dates.today().toString(),
                "version", version());
        assertThat(refusal.getResponse().getStatus()).isEqualTo(200);
        assertThat(refusal.getResponse().getContentAsString()).contains("id=\"refusal-reason-error\"",
                "value=\"" + Dates.today() + "\"");
        assertThat(claim().getVersion()).isEqualTo(before);
        assertThat(claim().getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void aStaleFormSaysSoAndChangesNothing() throws Exception {
        String old = version();
        send("/profiling", "operatore.torino", "index", "0,6", "version", old);
        BigDecimal index = claim().getProfilingIndex();
        MvcResult stale = send("/profiling", "operatore.torino", "index", "0,9", "version", old);
        assertThat(stale.getResponse().getStatus()).isEqualTo(200);
        assertThat(stale.getResponse().getContentAsString()).contains(STALE, "value=\"0,9\"");
        assertThat(claim().getProfilingIndex()).isEqualByComparingTo(index);

        send("/review", "operatore.torino", "version", version());
        send("/submit", "master.torino", "version", version());
        String submitted = version();
        MvcResult payment = send("/payment", "adr.regione", "amount", "1.000", "on", Dates.today().toString(), "version",
                String.valueOf(Long.parseLong(submitted) - 1));
        assertThat(payment.getResponse().getContentAsString()).contains(STALE, "value=\"1000\"");
        assertThat(claim().getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim().getPaidAmount()).isNull();
    }

    /** The claim reviewed and submitted through its forms, its index recorded first. */
    private void submitted() throws Exception {
        assertThat(send("/profiling", "operatore.torino", "index", "0,73", "version", version()).getResponse().getStatus())
                .isEqualTo(302);
        assertThat(send("/review", "operatore.torino", "version", version()).getResponse().getStatus()).isEqualTo(302);
        assertThat(send("/submit", "master.torino", "version", version()).getResponse().getStatus()).isEqualTo(302);
        assertThat(claim().getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
    }

    private MvcResult send(String act, String user, String... fields) throws Exception {
        var request = MockMvcRequestBuilders.post(page + act)
                .with(csrfOnce()).with(as(users, user));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    private String show(String user) throws Exception {
        return mvc.perform(get(page).with(as(users, user))).andReturn().getResponse().getContentAsString();
    }

    private Claim claim() {
        return claims.findById(id).orElseThrow();
    }

    private String version() {
        return String.valueOf(claim().getVersion());
    }
}
