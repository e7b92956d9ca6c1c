package it.ricolloca.workers;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A frequent name on the requests, pathways and claims lists (issue 21, ADR 0039, fourth pass): 1,005 workers of
 * the Novara register share a surname with two workers of Torino, one hired (a request, a pathway and a claim)
 * and one released. Past 1,000 matches the register looks only among the workers of a CPI's list, by key; the
 * whole network's list gets every match; either way each list shows exactly the rows it showed before.
 */
@IntegrationTest
class PeopleSearchAmongTest {

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

    @Test
    void pastAThousandMatchesOnlyTheListsWorkersAreLookedAt() {
        long first = namesakes.get(0);
        long other = workers.findByTaxCode(hired).orElseThrow().id();
        long stranger = jdbc.queryForObject("select min(id) from workers_worker where last_name <> ?", Long.class, surname);
        AtomicInteger asked = new AtomicInteger();
        List<Long> among = workers.idsMatching(plain(), limit -> {
            asked.set(limit);
            return List.of(first, other, stranger);
        });
        assertThat(among).containsExactlyInAnyOrder(first, other);
        assertThat(asked.get()).as("the list is asked for one more than it may hand").isEqualTo(Workers.AMONG_AT_MOST + 1);

        List<Long> every = workers.idsMatching(plain());
        assertThat(every).hasSize(NOVARA_NAMESAKES + 2);
        assertThat(workers.idsMatching(plain(), null)).as("a list not narrowed")
                .containsExactlyInAnyOrderElementsOf(every);
        List<Long> tooMany = LongStream.rangeClosed(1, Workers.AMONG_AT_MOST + 1).boxed().toList();
        assertThat(workers.idsMatching(plain(), limit -> tooMany)).as("a list of too many workers")
                .containsExactlyInAnyOrderElementsOf(every);
        assertThat(workers.idsMatching(plain(), limit -> List.of())).as("a list of nobody").isEmpty();
    }

    @Test
    void aSearchOfFewWorkersNeverAsksTheList() {
        List<Long> few = workers.idsMatching(plain() + " nome100", limit -> {
            throw new AssertionError("the list was asked for its workers");
        });
        assertThat(few).as("Nome1000 to Nome1004").hasSize(5).isSubsetOf(namesakes);
        assertThatCode(() -> workers.idsMatching("  ", limit -> {
            throw new AssertionError("asked");
        })).doesNotThrowAnyException();
    }

    private String page(String list, String q, String user) throws Exception {
        return mvc.perform(get(list).param("q", q).with(as(users, user))).andReturn().getResponse().getContentAsString();
    }
}
