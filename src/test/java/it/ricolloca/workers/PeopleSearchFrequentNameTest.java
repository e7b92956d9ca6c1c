package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.claims.ClaimRoutes;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.support.TestCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A frequent name on the requests, pathways and claims lists (issue 21, ADR 0039): 1,005 workers of the Novara
 * register share a surname with two workers of Torino, one hired (a request, a pathway and a claim) and one
 * released. More than 1,000 workers match, as a frequent name does in a national register: each CPI's list
 * shows exactly its own rows, the whole network's list every row, and two words narrow it.
 */
@IntegrationTest
class PeopleSearchFrequentNameTest {

    private static final int NOVARA_NAMESAKES = 1_005;

    /** Set up once for the class. */
    private static String surname;
    private static String hired;
    private static String released;
    private static List<Long> namesakes;

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Workers workers;
    @Autowired ClosedPathways closed;
    @Autowired ReleasedWorkers releasedWorkers;

    @BeforeEach
    void aFrequentSurname() {
        if (surname != null) {
            return;
        }
        Random random = new Random();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        String name = "Frequènte" + letters;
        long novara = jdbc.queryForObject("select id from network_job_centre where code = 'NOVARA'", Long.class);
        Set<String> taken = new HashSet<>(jdbc.queryForList("select tax_code from workers_worker", String.class));
        List<Object[]> rows = new ArrayList<>();
        while (rows.size() < NOVARA_NAMESAKES) {
            String code = TestCodes.random(random);
            if (taken.add(code)) {
                rows.add(new Object[] {code, String.format("Nome%04d", rows.size()), name, novara});
            }
        }
        jdbc.batchUpdate("insert into workers_worker (tax_code, first_name, last_name, competent_centre_id)"
                + " values (?, ?, ?, ?)", rows);
        namesakes = jdbc.queryForList("select id from workers_worker where last_name = ? order by id", Long.class, name);

        long office = closed.newTorinoOffice();
        long pathway = closed.started(office, name, "Assunta", 20);
        closed.close(pathway, PathwayOutcome.HIRED, new Pathway.Hire("Ricerca Srl", ClosedPathways.VAT,
                ContractType.APPRENTICESHIP, new BigDecimal("40"), Dates.today(), 36));
        closed.claimOf(pathway);
        hired = releasedWorkers.taxCodeOf(closed.requestOf(pathway));
        released = releasedWorkers.taxCodeOf(releasedWorkers.release("master.torino", name, "Rilasciata", office));
        surname = name;
    }

    private String plain() {
        return "frequente" + surname.substring("Frequènte".length());
    }

    @Test
    void aCpisListsShowTheirOwnNamesakesOnly() throws Exception {
        String requests = page(RequestRoutes.REQUESTS, plain(), "master.torino");
        assertThat(requests).contains(hired, released);
        assertThat(page(PathwayRoutes.PATHWAYS, plain(), "master.torino")).contains(hired).doesNotContain(released);
        assertThat(page(PathwayRoutes.PATHWAYS, plain(), "tutor.torino")).as("the tutor's pathways").contains(hired);
        assertThat(page(ClaimRoutes.REGISTER, plain(), "master.torino")).contains(hired).doesNotContain(released);
        for (String list : List.of(RequestRoutes.REQUESTS, PathwayRoutes.PATHWAYS, ClaimRoutes.REGISTER)) {
            assertThat(page(list, plain(), "master.novara")).as(list + ", another CPI").doesNotContain(hired, released);
            assertThat(page(list, plain() + " assunta", "master.torino")).as(list + ", two words: few matches")
                    .contains(hired).doesNotContain(released);
        }
    }

    @Test
    void theWholeNetworksListGetsEveryMatch() throws Exception {
        assertThat(page(RequestRoutes.REQUESTS, plain(), "adr.regione")).contains(hired, released);
    }

    private String page(String list, String q, String user) throws Exception {
        return mvc.perform(get(list).param("q", q).with(as(users, user))).andReturn().getResponse().getContentAsString();
    }
}
