package it.ricolloca.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.support.DemoUsers;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The seed: the register is "reso accessibile ai centri per l'impiego erogatori". A worker of Torino who
 * chose an office of Novara as provider: Novara's staff read (audited) the register record and the released
 * request, change nothing of them, and a third CPI still sees nothing.
 */
@IntegrationTest
class ProviderReadsTheCaseTest {

    @Autowired ReleasedWorkers released;
    @Autowired JobCentres centres;
    @Autowired UserAccountRepository users;
    @Autowired UserAdministration administration;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    OfficeSummary novaraOffice;

    @BeforeEach
    void thirdCentre() {
        novaraOffice = released.office("master.novara");
        if (users.findByUsername("operatore.asti.prova").isEmpty()) {
            CurrentUser admin = released.user("regione");
            CentreSummary asti = centres.all().stream().filter(c -> c.name().contains("Asti")).findFirst().orElseThrow();
            administration.create(admin, "operatore.asti.prova", "Operatore di Asti", "op.asti@example.org", asti.id(),
                    Set.of(Role.CPI_OPERATOR), "Prova-permessi-1");
        }
    }

    @Test
    void theProviderCpiReadsTheRecordAndTheReleasedRequestOfTheWorkerItServes() throws Exception {
        long request = released.release("master.torino", "Barbero", "Ilaria", novaraOffice.id());
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();

        for (String user : new String[] {"operatore.novara", "tutor.novara", "master.novara"}) {
            assertThat(status(user, "/workers/" + worker)).as(user).isEqualTo(200);
            assertThat(status(user, "/requests/" + request)).as(user).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'tutor.novara' and action = 'WORKER_VIEWED'"
                + " and record_id = ?").param(String.valueOf(worker)).query(Long.class).single()).isPositive();
        String page = mvc.perform(get("/workers/" + worker).with(DemoUsers.as(userDetails, "tutor.novara")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Barbero").doesNotContain("/workers/" + worker + "/edit\"");

        assertThat(status("operatore.novara", "/workers/" + worker + "/edit")).isEqualTo(403);
        assertThat(status("operatore.asti.prova", "/workers/" + worker)).isEqualTo(404);
        assertThat(status("operatore.asti.prova", "/requests/" + request)).isEqualTo(404);
        assertThat(status("master.torino", "/workers/" + worker + "/edit")).isEqualTo(200);
    }

    @Test
    void beforeTheReleaseTheChosenProviderSeesNothing() throws Exception {
        long request = released.noticed("master.torino", "Ferrero", "Oscar");
        long worker = jdbc.sql("select worker_id from requests_voucher_request where id = ?").param(request)
                .query(Long.class).single();
        assertThat(status("operatore.novara", "/workers/" + worker)).isEqualTo(404);
        assertThat(status("operatore.novara", "/requests/" + request)).isEqualTo(404);
    }

    private int status(String user, String path) throws Exception {
        return mvc.perform(get(path).with(DemoUsers.as(userDetails, user))).andReturn().getResponse().getStatus();
    }
}
