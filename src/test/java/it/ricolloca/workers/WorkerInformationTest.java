package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static it.ricolloca.support.FormPosts.csrfOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.reporting.internal.NetworkFigures;
import it.ricolloca.reporting.internal.NetworkFigures.TableId;
import it.ricolloca.reporting.internal.ReportFilter;
import it.ricolloca.reporting.internal.ReportTable;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import it.ricolloca.workers.internal.WorkerRegister;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Accoglienza e informazione, the seed's first duty of every CPI: the competent CPI records when and how an
 * invited worker was informed of the service, the voluntary adhesion, conditionality and the suitable offer;
 * the record shows on the worker's page, is audited and is counted in the monitoring.
 */
@IntegrationTest
class WorkerInformationTest {

    private static final LocalDate FROM = LocalDate.of(2019, 3, 1);
    private static final LocalDate TO = LocalDate.of(2019, 3, 31);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired UserAccountRepository users;
    @Autowired WorkerRegister register;
    @Autowired NetworkFigures figures;
    @Autowired JdbcClient jdbc;
    private static final Random RANDOM = new Random(1803);

    @Test
    void anInvitedWorkerInformedInPersonShowsOnThePageAndInTheMonitoring() throws Exception {
        CurrentUser master = user("master.torino");
        List<BigDecimal> before = totals(master);
        long worker = invitedWorker(master, "Bosio", "Luca", LocalDate.of(2019, 3, 4));
        long other = invitedWorker(master, "Bosio", "Marta", LocalDate.of(2019, 3, 4));

        int status = mvc.perform(form(worker).param("informedOn", "2019-03-06")
                .param("channel", "IN_PERSON").param("aboutService", "true").param("aboutVoluntary", "true")
                .param("aboutConditionality", "true").param("aboutSuitableOffer", "true")
                .with(as(userDetails, "operatore.torino"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(302);
        mvc.perform(form(other).param("informedOn", "2019-03-07").param("channel", "PHONE")
                .param("aboutConditionality", "true").with(as(userDetails, "operatore.torino")));

        String page = mvc.perform(get("/workers/" + worker).with(as(userDetails, "master.torino"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("06/03/2019", "Colloquio di persona", "Tutti e quattro i contenuti", "operatore.torino");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'WORKER_INFORMED' and record_id = ?")
                .param(String.valueOf(worker)).query(Long.class).single()).isEqualTo(1);

        List<BigDecimal> after = totals(master);
        assertThat(after.get(0).subtract(before.get(0))).isEqualByComparingTo("2"); // invited
        assertThat(after.get(1).subtract(before.get(1))).isEqualByComparingTo("2"); // informed
        assertThat(after.get(2).subtract(before.get(2))).isEqualByComparingTo("1"); // on all four contents
        assertThat(after.get(3).subtract(before.get(3))).isEqualByComparingTo("2"); // invited and informed
    }

    @Test
    void aFutureDateOrNoContentIsRefusedOnTheFieldAndNothingIsRecorded() throws Exception {
        CurrentUser master = user("master.torino");
        long worker = invitedWorker(master, "Chiesa", "Anna", LocalDate.of(2019, 3, 4));

        String page = mvc.perform(form(worker).param("informedOn", LocalDate.now().plusDays(3).toString())
                .param("channel", "EMAIL").param("aboutService", "true").with(as(userDetails, "master.torino")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("La data dell'informazione non può essere nel futuro.");
        page = mvc.perform(form(worker).param("informedOn", "2019-03-06").param("channel", "EMAIL")
                .with(as(userDetails, "master.torino"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Indica almeno uno dei contenuti illustrati.").contains("value=\"2019-03-06\"");
        page = mvc.perform(form(worker).param("informedOn", "2019-03-06").with(as(userDetails, "master.torino")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Indica la modalità con cui il lavoratore è stato informato.");
        assertThat(jdbc.sql("select count(*) from workers_information where worker_id = ?").param(worker)
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheCompetentCpiRecordsIt() throws Exception {
        CurrentUser master = user("master.torino");
        long worker = invitedWorker(master, "Gallo", "Pietro", LocalDate.of(2019, 3, 4));
        assertThat(mvc.perform(form(worker).param("informedOn", "2019-03-06").param("channel", "PHONE")
                .param("aboutService", "true").with(as(userDetails, "operatore.novara"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(form(worker).param("informedOn", "2019-03-06").param("channel", "PHONE")
                .param("aboutService", "true").with(as(userDetails, "referente.torino"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from workers_information where worker_id = ?").param(worker)
                .query(Long.class).single()).isZero();
    }

    private MockHttpServletRequestBuilder form(long worker) {
        return post("/workers/" + worker + "/information").with(csrfOnce());
    }

    private List<BigDecimal> totals(CurrentUser user) {
        ReportTable t = figures.table(user, TableId.INFORMATION, new ReportFilter(FROM, TO, null, null));
        return t.total() == null ? List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)
                : t.total().values().stream().map(v -> v == null ? BigDecimal.ZERO : v).toList();
    }

    private long invitedWorker(CurrentUser master, String last, String first, LocalDate invited) {
        long id = register.create(user("regione"), TestCodes.random(RANDOM), first, last, master.centreId()).getId();
        jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)").params(id, invited).update();
        return id;
    }

    private CurrentUser user(String username) {
        return users.findByUsername(username).orElseThrow().toCurrentUser();
    }
}
