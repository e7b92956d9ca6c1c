package it.ricolloca.pathway;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pathway's page as tabs: one section per request, addressed by the URL, each offering only the
 * acts the pathway's state allows (the aggregate's own rule), the rarer acts behind a button, and the
 * closing with no outcome chosen in advance.
 */
@IntegrationTest
class PathwayTabsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ReleasedWorkers released;
    @Autowired ClosedPathways closed;
    @Autowired PathwayWork work;
    @Autowired PathwayStart start;
    @Autowired PathwayLifecycle lifecycle;
    @Autowired Messages messages;

    /** The end of the button that opens the breach form (its title says the same words, without the dots). */
    static final String BREACH_BUTTON = "inadempienza…";

    long office;

    @BeforeEach
    void office() {
        released.openEveryDay("master.torino");
        office = closed.newTorinoOffice();
    }

    @Test
    void eachTabIsOnePageOfItsOwnWithTheTabsAsLinksAndTheCurrentOneMarked() throws Exception {
        long id = closed.started(office, "Schede", "Anna", 3);
        String pact = page("/pathways/" + id + "?tab=pact");
        assertThat(pact).contains("class=\"nav nav-tabs", "href=\"/pathways/" + id + "?tab=timesheet\"",
                "href=\"/pathways/" + id + "/meetings\"", "href=\"/pathways/" + id + "/diary\"",
                "?tab=pact\" aria-current=\"page\"", "id=\"pact-heading\"", t("pathway.pact.edit"));
        assertThat(pact).doesNotContain("id=\"timesheet-heading\"", "id=\"appointments-heading\"", "id=\"close-outcome\"");
        String overview = page("/pathways/" + id);
        assertThat(overview).contains("id=\"next-step\"", "Prepara il patto di ricerca intensiva", "id=\"tutor-heading\"")
                .doesNotContain("id=\"pact-heading\"");
        assertThat(page("/pathways/" + id + "/meetings")).contains("/meetings\" aria-current=\"page\"");
        assertThat(page("/pathways/" + id + "?tab=nonsense")).contains("id=\"next-step\"");
    }

    @Test
    void rarerActsWaitBehindAButtonAndClosingHasNoOutcomeChosenInAdvance() throws Exception {
        long id = closed.started(office, "Schede", "Bruno", 3);
        String outcome = page("/pathways/" + id + "?tab=outcome");
        assertThat(outcome).contains("<details class=\"rl-act mb-3\">", "<option value=\"\" selected>", "name=\"outcome\" required");
        assertThat(page("/pathways/" + id)).contains("<summary class=\"btn btn-outline-primary btn-sm\">"
                + t("pathway.extend.open") + "</summary>", t("pathway.suspend.open"));
        assertThat(page("/pathways/" + id + "?tab=conditionality")).contains(BREACH_BUTTON);

        MockHttpServletResponse none = send("/pathways/" + id + "/close", Map.of("outcome", "",
                "onDate", Dates.today().toString(), "note", "scelta dimenticata", "version", version(id)));
        assertThat(none.getStatus()).isEqualTo(200);
        String body = none.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("id=\"close-outcome-error\"", "esito del percorso.",
                "<details class=\"rl-act mb-3\" open>", "scelta dimenticata");
        assertThat(work.get(released.user("master.torino"), id).isClosed()).isFalse();
    }

    @Test
    void aClosedPathwayOffersNoActAndRefusesThemWithTheSameRule() throws Exception {
        long id = closed.started(office, "Schede", "Carla", 3);
        closed.close(id, PathwayOutcome.NOT_HIRED_AT_TERM, null);
        Pathway p = work.get(released.user("master.torino"), id);
        assertThat(p.allowedActs(work.pacts(p))).isEmpty();

        assertThat(page("/pathways/" + id + "?tab=pact")).doesNotContain(t("pathway.pact.edit"), t("pathway.pact.amend"));
        assertThat(page("/pathways/" + id)).doesNotContain(t("pathway.extend.open"), t("pathway.suspend.open"),
                "id=\"tutor-heading\"").contains("chiuso dal " + Dates.format(Dates.today()));
        assertThat(page("/pathways/" + id + "?tab=outcome")).doesNotContain("id=\"close-outcome\"");
        assertThat(page("/pathways/" + id + "?tab=conditionality")).doesNotContain(BREACH_BUTTON);
        assertThat(page("/pathways/" + id + "?tab=timesheet")).doesNotContain("id=\"hours-date\"");

        MockHttpServletResponse extend = send("/pathways/" + id + "/extend", Map.of("reason", "Tardi", "version",
                version(id)));
        assertThat(extend.getStatus()).isEqualTo(200);
        assertThat(extend.getContentAsString(StandardCharsets.UTF_8)).contains(t("pathway.closed"));
        assertThat(work.get(released.user("master.torino"), id).getExtendedOn()).isNull();
    }

    @Test
    void anUnstartedPathwayOffersNoMeetingDiaryOrBreachAndSaysToRecordTheFirstAppointment() throws Exception {
        CurrentUser tutor = released.user("tutor.torino");
        long request = released.release("master.torino", "Schede", "Dario");
        ZonedDateTime slot = released.emptySlot("master.torino", 2);
        long id = start.bookFirstAppointment(tutor, request, slot, null, null, null);
        Pathway p = work.get(tutor, id);
        assertThat(p.allowedActs(List.of())).contains(PathwayAct.ASSIGN_TUTOR, PathwayAct.EDIT_PACT, PathwayAct.CLOSE)
                .doesNotContain(PathwayAct.RECORD_MEETING, PathwayAct.ADD_DIARY_ENTRY, PathwayAct.REPORT_BREACH,
                        PathwayAct.EXTEND, PathwayAct.SUSPEND, PathwayAct.RESUME, PathwayAct.RECORD_HOURS);
        assertThatThrownBy(() -> p.require(PathwayAct.RECORD_MEETING)).hasMessage("pathway.notStarted");

        String first = t("pathway.next.first", Dates.format(slot.toInstant()));
        assertThat(page("/pathways/" + id)).contains(first.substring(first.indexOf("primo appuntamento del")));
        assertThat(page("/pathways/" + id + "/meetings")).doesNotContain("name=\"topics\"");
        assertThat(page("/pathways/" + id + "?tab=conditionality")).doesNotContain(BREACH_BUTTON);
    }

    private String t(String key, Object... args) {
        return messages.t(key, args);
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(as(users, "master.torino"))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse send(String path, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder call = post(path).with(csrfOnce()).with(as(users, "tutor.torino"));
        fields.forEach(call::param);
        return mvc.perform(call).andReturn().getResponse();
    }

    private String version(long id) {
        return String.valueOf(closed.version(id));
    }
}
