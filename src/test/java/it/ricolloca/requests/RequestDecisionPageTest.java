package it.ricolloca.requests;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The request decision in one page (issue 19): "Richiedi l'AdR" from the worker's page with the worker
 * filled in; the three checks in one form, all or none; the primary act follows their outcome (the release
 * when all passed, the notice of rejection when one failed); the release confirmed once, on a page naming
 * the provider and what follows; a stale or repeated form refused in Italian with nothing recorded.
 */
@IntegrationTest
class RequestDecisionPageTest {

    @Autowired ReleasedWorkers released;
    @Autowired RequestQueries queries;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    @Test
    void theWorkerPageOffersTheRequestToWhoMayFileItAndTheFormComesWithTheWorker() throws Exception {
        String code = released.invited("master.torino", "Decisa", "Anna");
        long worker = jdbc.sql("select id from workers_worker where tax_code = ?").param(code).query(Long.class).single();
        String offer = "href=\"/requests/new?worker=" + worker + "\"";
        assertThat(page("operatore.torino", "/workers/" + worker)).contains(offer, messages.t("request.file.fromWorker"));
        assertThat(page("tutor.torino", "/workers/" + worker)).doesNotContain(offer);
        assertThat(page("operatore.torino", "/requests/new?worker=" + worker)).contains("value=\"" + code + "\"");
        // Another CPI learns nothing of the worker: the form comes empty.
        assertThat(page("operatore.novara", "/requests/new?worker=" + worker)).doesNotContain(code);

        OfficeSummary office = released.office("master.torino");
        MockHttpServletResponse filed = send("operatore.torino", post("/requests").param("taxCode", code)
                .param("providerType", "CPI").param("officeId", String.valueOf(office.id())));
        long id = requestOf(code);
        // The next step is the checks: the filer lands on the decision page, which names the provider.
        assertThat(filed.getRedirectedUrl()).isEqualTo("/requests/" + id + "/checks");
        assertThat(page("operatore.torino", "/requests/" + id + "/checks")).contains(office.name(),
                messages.t("request.next.checks"), messages.t("request.checks.submit"));
        // With a request open, the worker's page no longer offers another.
        assertThat(page("operatore.torino", "/workers/" + worker)).doesNotContain(offer);
    }

    @Test
    void theThreeChecksInOneFormMakeTheReleaseThePrimaryActConfirmedOnceOnAPageNamingTheProvider() throws Exception {
        long id = released.filed("master.torino", "Decisa", "Bruna");
        long version = version(id);
        MockHttpServletResponse checked = send("operatore.torino", checks(id, version).param("employment", "PASSED")
                .param("employmentNote", "Nessuna comunicazione obbligatoria").param("naspi", "PASSED")
                .param("otherActivePolicy", "PASSED"));
        assertThat(checked.getRedirectedUrl()).isEqualTo("/requests/" + id + "/checks");
        assertThat(queries.load(master(), id).getChecks()).hasSize(3);
        assertThat(queries.load(master(), id).getStatus()).isEqualTo(RequestStatus.UNDER_REVIEW);
        assertThat(audits(id, "REQUEST_CHECK")).isEqualTo(3);
        assertThat(version(id)).isGreaterThan(version);

        OfficeSummary office = released.office("master.torino");
        String decision = page("operatore.torino", "/requests/" + id + "/checks");
        assertThat(decision).contains("class=\"btn btn-primary\" href=\"/requests/" + id + "/release\"", office.name(),
                messages.t("request.next.release", office.centreName() + " – " + office.name()))
                .doesNotContain("/rejection-notice\"");
        assertThat(page("operatore.torino", "/requests/" + id)).contains("href=\"/requests/" + id + "/release\"");

        // The release page is the one confirmation: provider and next step, no box to tick, no dialog.
        String confirm = page("master.torino", "/requests/" + id + "/release");
        assertThat(confirm).contains(office.name(), messages.t("request.next.afterRelease", office.centreName() + " – "
                + office.name()), messages.t("request.act.RELEASE.submit")).doesNotContain("name=\"confirmed\"", "data-confirm");
        MockHttpServletResponse done = send("master.torino", post("/requests/" + id + "/release")
                .param("version", String.valueOf(version(id))).param("reasons", ""));
        assertThat(done.getRedirectedUrl()).isEqualTo("/requests/" + id);
        assertThat(queries.load(master(), id).getStatus()).isEqualTo(RequestStatus.RELEASED);
        assertThat(page("master.torino", "/requests/" + id)).contains(messages.t("request.next.released",
                office.centreName() + " – " + office.name()));
    }

    @Test
    void aFailedCheckMakesTheNoticeThePrimaryActAndTheReleaseIsRefusedInItalianWithNothingChanged() throws Exception {
        long id = released.filed("master.torino", "Decisa", "Carla");
        send("operatore.torino", checks(id, version(id)).param("employment", "FAILED")
                .param("employmentNote", "Assunta il 2 marzo").param("naspi", "PASSED").param("otherActivePolicy", "PASSED"));
        String decision = page("master.torino", "/requests/" + id + "/checks");
        assertThat(decision).contains("class=\"btn btn-primary\" href=\"/requests/" + id + "/rejection-notice\"",
                        messages.t("request.next.notice"),
                        messages.t("request.release.blocked.failed", "«" + messages.t("request.check.EMPLOYMENT") + "»"))
                .doesNotContain("href=\"/requests/" + id + "/release\"");
        assertThat(page("master.torino", "/requests/" + id)).doesNotContain("href=\"/requests/" + id + "/release\"");

        long version = version(id);
        MockHttpServletResponse refused = send("master.torino", post("/requests/" + id + "/release")
                .param("version", String.valueOf(version)).param("reasons", "rilascio comunque"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(refused.getContentAsString())).contains(messages.t("request.refused.checksIncomplete"));
        assertThat(queries.load(master(), id).getStatus()).isEqualTo(RequestStatus.UNDER_REVIEW);
        assertThat(version(id)).isEqualTo(version);
        assertThat(audits(id, "REQUEST_RELEASE")).isZero();
    }

    @Test
    void aStaleOrRepeatedChecksFormIsRefusedInItalianAndAnEmptyOneAsksForAnOutcome() throws Exception {
        long id = released.filed("master.torino", "Decisa", "Dora");
        long version = version(id);
        assertThat(send("operatore.torino", checks(id, version).param("employment", "PASSED")).getStatus()).isEqualTo(302);
        // The same form sent again (a double click, a second tab): refused, nothing more recorded.
        MockHttpServletResponse again = send("operatore.torino", checks(id, version).param("employment", "PASSED")
                .param("naspi", "FAILED"));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(again.getContentAsString())).contains(messages.t("request.refused.stale"));
        assertThat(queries.load(master(), id).getChecks()).hasSize(1);
        assertThat(audits(id, "REQUEST_CHECK")).isEqualTo(1);

        MockHttpServletResponse empty = send("operatore.torino", checks(id, version(id)));
        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(empty.getContentAsString())).contains("id=\"employment-error\"",
                messages.t("request.checks.none"));
        assertThat(queries.load(master(), id).getChecks()).hasSize(1);
    }

    private MockHttpServletRequestBuilder checks(long id, long version) {
        return post("/requests/" + id + "/checks").param("version", String.valueOf(version))
                .param("checkedOn", Dates.today().toString());
    }

    private MockHttpServletResponse send(String username, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(as(userDetails, username)).with(csrfOnce()))
                .andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private String page(String username, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(as(userDetails, username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return HtmlUtils.htmlUnescape(response.getContentAsString());
    }

    private long audits(long id, String action) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and record_id = ?")
                .params(action, String.valueOf(id)).query(Long.class).single();
    }

    private long requestOf(String taxCode) {
        return jdbc.sql("select r.id from requests_voucher_request r join workers_worker w on w.id = r.worker_id"
                + " where w.tax_code = ?").param(taxCode).query(Long.class).single();
    }

    private long version(long id) {
        return queries.load(master(), id).getVersion();
    }

    private CurrentUser master() {
        return released.user("master.torino");
    }
}
