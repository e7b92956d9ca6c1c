package it.ricolloca.vacancies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pre-selection of matching (ADR 0038) changes no ranking: for workers and offers of the shared data, every
 * page asked (first, middle, past the end) is the page that scoring every offer or every worker in full gives,
 * row by row, score, parts, distance and reasons included.
 */
@IntegrationTest
class MatchingPreselectionTest {

    @Autowired Matching matching;
    @Autowired Pathways pathways;
    @Autowired ReleasedWorkers released;
    @Autowired JdbcClient jdbc;

    @Test
    void offersForAWorkerAreThoseOfTheFullScoring() {
        List<Long> workers = pathways.open(null).stream().map(Pathways.OpenPathway::workerId).distinct().limit(40).toList();
        assertThat(workers).isNotEmpty();
        long total = jdbc.sql("select count(*) from vacancies_offer_terms").query(Long.class).single();
        assertThat(total).as("offers to rank").isGreaterThan(5);
        int compared = 0;
        for (long worker : workers) {
            for (int[] page : new int[][] {{0, 3}, {1, 3}, {0, 20}, {2, 2}, {0, 10_000}, {(int) total, 1}}) {
                List<Matching.VacancyMatch> fast = matching.forWorker(worker, page[0], page[1], true).getContent();
                List<Matching.VacancyMatch> full = matching.forWorker(worker, page[0], page[1], false).getContent();
                assertThat(fast).as("worker %d, page %d of %d", worker, page[0], page[1]).isEqualTo(full);
                compared += full.size();
            }
        }
        assertThat(compared).isGreaterThan(workers.size());
    }

    @Test
    void workersForAnOfferAreThoseOfTheFullScoring() {
        List<Long> offers = jdbc.sql("select vacancy_id from vacancies_offer_terms order by vacancy_id desc limit 15").query(Long.class)
                .list();
        int compared = 0;
        for (String username : List.of("reclutamenti.regione", "master.torino", "master.novara")) {
            CurrentUser user = released.user(username);
            for (long offer : offers) {
                for (int[] page : new int[][] {{0, 3}, {1, 3}, {0, 20}, {0, 10_000}, {500, 20}}) {
                    List<Matching.WorkerMatch> fast = matching.forVacancy(user, offer, page[0], page[1], true).getContent();
                    List<Matching.WorkerMatch> full = matching.forVacancy(user, offer, page[0], page[1], false)
                            .getContent();
                    assertThat(fast).as("%s, offer %d, page %d of %d", username, offer, page[0], page[1]).isEqualTo(full);
                    compared += full.size();
                }
            }
        }
        assertThat(compared).isGreaterThan(offers.size());
    }
}
