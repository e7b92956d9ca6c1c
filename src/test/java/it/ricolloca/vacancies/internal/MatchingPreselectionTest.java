package it.ricolloca.vacancies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.support.ClosedPathways;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
    @Autowired ClosedPathways started;
    @Autowired MatchingTerms terms;

    /**
     * Offers and workers in an open pathway with something to match (run alone, the shared data has few offers and
     * no pathway): four workers in a pathway of Torino, with skills, the last two with a past job, two of them of the
     * Novara CPI, two living where the reference data has no coordinates.
     */
    @BeforeEach
    void someWorkersInPathwayAndOffers() {
        if (jdbc.sql("select count(*) from vacancies_offer_terms").query(Long.class).single() < 40) {
            // 60 offers of the network's CPIs: few codes, workplaces and contracts (many ties at any cut), some
            // without a code or a workplace (judged by their CPI's province), written by SQL (workplaces not located)
            jdbc.sql("""
                    with c as (select array_agg(id order by id) as ids from network_job_centre)
                    insert into vacancies_vacancy (status, arrived_on, profile, profession_code, profession_classification,
                        positions, company_name, contract_type, contract_months, skills, economic_area, centre_id, source,
                        workplace_municipality, workplace_province, created_at, updated_at)
                    select 'OPEN', current_date - g % 9, 'Offerta di prova ' || g,
                        (array['5.2.2.1.0', '6.2.1.2.0', '8.1.3.1.0', null])[1 + g % 4], 'CP2021', 1, 'Azienda ' || g,
                        (array['PERMANENT', 'FIXED_TERM', 'AGENCY', null])[1 + g % 4], case when g % 4 in (1, 2) then 2 + g % 6 end,
                        (array['saldatura a filo', 'carrelli elevatori', 'cucina tradizionale', 'excel'])[1 + g % 4],
                        (array['Metalmeccanica', 'Alloggio e ristorazione', 'Commercio'])[1 + g % 3],
                        c.ids[1 + g % cardinality(c.ids)], 'CPI',
                        (array['Torino', 'Novara', 'Moncalieri', null, 'Cuneo'])[1 + g % 5],
                        (array['TO', 'NO', 'TO', null, 'CN'])[1 + g % 5], now(), now()
                    from c, generate_series(1, 60) g""").update();
        }
        if (jdbc.sql("select count(*) from workers_worker where last_name like 'Preselezione%'").query(Long.class)
                .single() > 0) {
            return;
        }
        long office = started.newTorinoOffice();
        long novara = released.user("master.novara").centreId();
        String[] skills = {"saldatura a filo, lettura del disegno", "carrelli elevatori, magazzino", "cucina, inglese",
            "contabilità, excel"};
        // Two residences the reference data locates, two it does not (judged by name, then by the worker's CPI);
        // two workers of the Torino CPI, two whose CPI is Novara's (another province), all in a pathway of Torino.
        String[] residences = {"Torino", "Località Sconosciuta", "Novara", "Frazione Inesistente"};
        List<Long> keep = new java.util.ArrayList<>();
        for (int i = 0; i < skills.length; i++) {
            long pathway = started.started(office, "Preselezione" + (char) ('A' + i), "Prova", 3);
            long worker = jdbc.sql("select worker_id from pathway_pathway where id = ?").param(pathway).query(Long.class)
                    .single();
            jdbc.sql("update workers_worker set skills = ?, residence_municipality = ? where id = ?")
                    .param(skills[i]).param(residences[i]).param(worker).update();
            if (i % 2 == 1) {
                jdbc.sql("update workers_worker set competent_centre_id = ? where id = ?").param(novara).param(worker)
                        .update();
            }
            if (i >= 2) {
                jdbc.sql("""
                        insert into workers_work_history (worker_id, position, employer, profession_code, profession_label,
                            classification, contract_type, start_date)
                        values (?, 0, 'Datore', '5.2.2.1.0', 'Cuoco', 'CP2021', 'Tempo determinato', date '2020-01-01')""")
                        .param(worker).update();
            }
            // Their stored terms were written at creation, before these SQL writes: the first two are stored again
            // (ranked from their candidate row's copy, V86), the last two computed again by the ranking.
            jdbc.sql("delete from vacancies_worker_terms where worker_id = ?").param(worker).update();
            if (i < 2) {
                keep.add(worker);
            }
        }
        terms.store(keep);
    }

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

    /**
     * The kept groups (V84) are the board's counts after every kind of write: a new offer, a change of its
     * profession, workplace and contract, a change that leaves its group, its closing and its deletion.
     */
    @Test
    void theKeptGroupsAreTheBoardsCountsAfterEveryWrite() {
        assertGroupsAreFresh("shared data");
        long centre = jdbc.sql("select min(id) from network_job_centre").query(Long.class).single();
        long offer = jdbc.sql("""
                insert into vacancies_vacancy (status, arrived_on, profile, profession_code, profession_classification,
                    positions, company_name, contract_type, centre_id, source, created_at, updated_at)
                values ('OPEN', current_date, 'Gruppi', '7.4.2.3.0', 'CP2021', 1, 'Gruppi srl', 'PERMANENT', ?, 'CPI',
                    now(), now()) returning id""").param(centre).query(Long.class).single();
        assertGroupsAreFresh("new offer without a workplace");
        jdbc.sql("""
                update vacancies_vacancy set profession_code = '5.1.2.2.0', workplace_municipality = 'Novara',
                    workplace_province = 'NO', contract_type = 'FIXED_TERM', contract_months = 4 where id = ?""")
                .param(offer).update();
        assertGroupsAreFresh("code, workplace and contract changed");
        jdbc.sql("update vacancies_vacancy set profile = 'Gruppi, di nuovo' where id = ?").param(offer).update();
        assertGroupsAreFresh("a change within the group");
        jdbc.sql("update vacancies_vacancy set status = 'CLOSED' where id = ?").param(offer).update();
        assertGroupsAreFresh("closed");
        jdbc.sql("update vacancies_vacancy set status = 'OPEN', profession_code = null where id = ?").param(offer).update();
        assertGroupsAreFresh("opened again without a code");
        jdbc.sql("delete from vacancies_vacancy where id = ?").param(offer).update();
        assertGroupsAreFresh("deleted");
    }

    private void assertGroupsAreFresh(String after) {
        String fresh = """
                select coalesce(code_id, 0) || ':' || place_id || ':' || contract_points || '=' || count(*)
                from vacancies_offer_terms group by code_id, place_id, contract_points order by 1""";
        String kept = """
                select code_id || ':' || place_id || ':' || contract_points || '=' || offers
                from vacancies_offer_group where offers > 0 order by 1""";
        assertThat(jdbc.sql(kept).query(String.class).list()).as(after)
                .isEqualTo(jdbc.sql(fresh).query(String.class).list());
        assertThat(jdbc.sql("select count(*) from vacancies_offer_group where offers < 0").query(Long.class).single())
                .as(after).isZero();
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
                    var fastPage = matching.forVacancy(user, offer, page[0], page[1], true);
                    var fullPage = matching.forVacancy(user, offer, page[0], page[1], false);
                    List<Matching.WorkerMatch> fast = fastPage.getContent();
                    List<Matching.WorkerMatch> full = fullPage.getContent();
                    assertThat(fast).as("%s, offer %d, page %d of %d", username, offer, page[0], page[1]).isEqualTo(full);
                    assertThat(fastPage.getTotalElements()).as("%s, offer %d: how many ranked", username, offer)
                            .isEqualTo(fullPage.getTotalElements());
                    compared += full.size();
                }
                // Pages of one row, one after the other: any row ranked on the wrong side of a page's end by the
                // first pass (whose ties are read in full) shows here.
                long total = matching.forVacancy(user, offer, 0, 1, false).getTotalElements();
                for (int k = 0; k < Math.min(total, 8); k++) {
                    assertThat(matching.forVacancy(user, offer, k, 1, true).getContent())
                            .as("%s, offer %d, row %d", username, offer, k)
                            .isEqualTo(matching.forVacancy(user, offer, k, 1, false).getContent());
                }
            }
        }
        assertThat(compared).isGreaterThan(offers.size());
    }
}
