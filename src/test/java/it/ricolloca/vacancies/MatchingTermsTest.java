package it.ricolloca.vacancies;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.vacancies.internal.Matching;
import it.ricolloca.vacancies.internal.VacancyBoard;
import it.ricolloca.vacancies.internal.WorkerOffers;
import it.ricolloca.workers.internal.WorkHistoryEntry;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerRegister;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored terms of matching (ADR 0038) follow the register and the board: a worker is ranked on the new facts
 * as soon as the register changes; an offer edited, closed or reopened is ranked on its new facts at once. Every
 * change goes through the modules' own acts, as a user's would. A ranking only reads: in a read-only transaction
 * (the worker's own offers page), with terms missing, it computes them without storing.
 */
@IntegrationTest
class MatchingTermsTest {

    @Autowired VacancyBoard board;
    @Autowired Matching matching;
    @Autowired WorkerRegister register;
    @Autowired PathwayWork pathwayWork;
    @Autowired PathwayStart pathwayStart;
    @Autowired ReleasedWorkers released;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired WorkerOffers workerOffers;

    static final java.util.concurrent.atomic.AtomicInteger DAY = new java.util.concurrent.atomic.AtomicInteger(12);

    @Test
    void aChangeInTheRegisterChangesTheRankingBothWays() {
        CurrentUser service = released.user("reclutamenti.regione");
        CurrentUser master = released.user("master.torino");
        long torino = master.centreId();
        long worker = workerInPathway("Terminiregistro");
        registerSays(worker, "Torino", "saldatura");
        String tag = "T" + System.nanoTime();
        long welding = board.create(service, offer(tag + " saldatura", "6.2.1.2.0", "saldatura", "Torino", "TO", torino))
                .getId();
        long kitchen = board.create(service, offer(tag + " cucina", "5.2.2.1.0", "cucina tradizionale", "Torino", "TO",
                torino)).getId();

        assertThat(mine(worker, tag)).extracting(Matching.VacancyMatch::vacancyId).containsExactly(welding, kitchen);
        Matching.Fit before = candidate(master, kitchen, worker).fit();
        assertThat(before.skillHits()).isZero();
        assertThat(before.levels()).isZero();
        assertThat(jdbc.sql("select count(*) from vacancies_worker_terms where worker_id = ?").param(worker)
                .query(Long.class).single()).as("announced by the register, the worker's terms are stored").isEqualTo(1);

        // The register says the worker cooks now, and has worked as a cook: the same offers rank the other way.
        registerSays(worker, "Torino", "cucina");
        Worker w = register.get(master, worker);
        register.addWork(master, worker, w.getVersion(), new WorkHistoryEntry("Trattoria", null, "5.2.2.1.0", "Cuoco",
                "CP2021", "Indeterminato", LocalDate.of(2018, 1, 1), LocalDate.of(2024, 1, 1)));
        Matching.Fit after = candidate(master, kitchen, worker).fit();
        assertThat(after.skillHits()).isEqualTo(1);
        assertThat(after.levels()).isEqualTo(5);
        assertThat(after.score()).isGreaterThan(before.score());
        assertThat(candidate(master, welding, worker).fit().skillHits()).isZero();
        assertThat(mine(worker, tag)).extracting(Matching.VacancyMatch::vacancyId).containsExactly(kitchen, welding);

        // A move to Novara: 84 km from the offers' Torino, no place points any more.
        assertThat(candidate(master, kitchen, worker).fit().placePoints()).isEqualTo(Matching.SAME_MUNICIPALITY);
        registerSays(worker, "Novara", "cucina");
        Matching.Fit moved = candidate(master, kitchen, worker).fit();
        assertThat(moved.placePoints()).isZero();
        assertThat(moved.roundedKm()).isEqualTo(84L);
        assertThat(candidate(master, kitchen, worker).municipality()).isEqualTo("Novara");

        // The job removed: the profession's points go.
        w = register.get(master, worker);
        register.removeWork(master, worker, w.getVersion(), 0);
        assertThat(candidate(master, kitchen, worker).fit().levels()).isZero();
    }

    @Test
    void aChangeOnTheBoardChangesTheRankingAtOnce() {
        CurrentUser service = released.user("reclutamenti.regione");
        CurrentUser master = released.user("master.torino");
        long torino = master.centreId();
        long worker = workerInPathway("Terminibacheca");
        registerSays(worker, "Torino", "magazzino carrelli");
        String tag = "B" + System.nanoTime();
        long a = board.create(service, offer(tag + " A", "8.1.3.1.0", "magazzino inventario", "Torino", "TO", torino))
                .getId();
        long b = board.create(service, offer(tag + " B", "8.1.3.1.0", "cassa", "Torino", "TO", torino)).getId();
        assertThat(mine(worker, tag)).extracting(Matching.VacancyMatch::vacancyId).containsExactly(a, b);
        assertThat(mine(worker, tag).get(0).fit().roundedKm()).isZero();

        // B now asks for all the worker knows (2 of 2 against A's 1 of 2), in Collegno (7 km, as near as Torino).
        board.update(service, b, board.get(service, b).getVersion(), offer(tag + " B", "8.1.3.1.0", "magazzino carrelli",
                "Collegno", "TO", torino));
        List<Matching.VacancyMatch> ranked = mine(worker, tag);
        assertThat(ranked).extracting(Matching.VacancyMatch::vacancyId).containsExactly(b, a);
        assertThat(ranked.get(0).fit().skillHits()).isEqualTo(2);
        assertThat(ranked.get(0).fit().sharedTerms()).hasSize(2);
        assertThat(ranked.get(0).fit().roundedKm()).isEqualTo(7L);
        assertThat(candidate(master, b, worker).fit().score()).isEqualTo(ranked.get(0).fit().score());

        // Suspended, B leaves the ranking; open again, it is back.
        board.changeStatus(service, b, board.get(service, b).getVersion(), VacancyStatus.SUSPENDED, null);
        assertThat(mine(worker, tag)).extracting(Matching.VacancyMatch::vacancyId).containsExactly(a);
        board.changeStatus(service, b, board.get(service, b).getVersion(), VacancyStatus.OPEN, null);
        assertThat(mine(worker, tag)).extracting(Matching.VacancyMatch::vacancyId).containsExactly(b, a);
    }

    @Test
    void aRankingWritesNothingAndComputesWhatIsNotStored() {
        CurrentUser service = released.user("reclutamenti.regione");
        CurrentUser master = released.user("master.torino");
        long torino = master.centreId();
        long worker = workerInPathway("Terminilettura");
        registerSays(worker, "Torino", "saldatura carrelli");
        String tag = "L" + System.nanoTime();
        long offer = board.create(service, offer(tag + " saldatura", "6.2.1.2.0", "saldatura", "Collegno", "TO", torino))
                .getId();
        Matching.VacancyMatch stored = mine(worker, tag).get(0);
        Matching.WorkerMatch storedCandidate = candidate(master, offer, worker);
        assertThat(stored.fit().roundedKm()).isEqualTo(7L);

        // What a write by SQL would leave: the worker's row missing, the workplace not located.
        jdbc.sql("delete from vacancies_worker_terms where worker_id = ?").param(worker).update();
        jdbc.sql("""
                update vacancies_offer_place set located = false, latitude = null, longitude = null
                where id = (select place_id from vacancies_offer_terms where vacancy_id = ?)""").param(offer).update();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        List<Matching.VacancyMatch> read = readOnly.execute(s -> mine(worker, tag));
        Matching.WorkerMatch readCandidate = readOnly.execute(s -> candidate(master, offer, worker));
        Matching.VacancyMatch ownPage = readOnly.execute(s -> workerOffers.ranked(worker, 0, 10_000).getContent()
                .stream().filter(o -> o.match().vacancyId() == offer).findFirst().orElseThrow().match());
        assertThat(read).containsExactly(stored);
        assertThat(readCandidate).isEqualTo(storedCandidate);
        assertThat(ownPage).isEqualTo(stored);
        assertThat(jdbc.sql("select count(*) from vacancies_worker_terms where worker_id = ?").param(worker)
                .query(Long.class).single()).as("a read stores nothing").isZero();
        assertThat(jdbc.sql("""
                select located from vacancies_offer_place
                where id = (select place_id from vacancies_offer_terms where vacancy_id = ?)""").param(offer)
                .query(Boolean.class).single()).isFalse();

        // The writers store them: the register's next change, the board's next act.
        registerSays(worker, "Torino", "saldatura carrelli");
        board.locateWorkplaces();
        assertThat(jdbc.sql("select count(*) from vacancies_worker_terms where worker_id = ?").param(worker)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(mine(worker, tag)).containsExactly(stored);
        assertThat(candidate(master, offer, worker)).isEqualTo(storedCandidate);
    }

    private List<Matching.VacancyMatch> mine(long worker, String tag) {
        return matching.forWorker(worker, 0, 10_000).getContent().stream().filter(m -> m.profile().startsWith(tag))
                .toList();
    }

    private Matching.WorkerMatch candidate(CurrentUser user, long vacancy, long worker) {
        return matching.forVacancy(user, vacancy, 0, 10_000).getContent().stream().filter(m -> m.workerId() == worker)
                .findFirst().orElseThrow();
    }

    /** The register's own act, as the worker's page would do it: residence and skills, the rest kept. */
    private void registerSays(long worker, String residence, String skills) {
        CurrentUser master = released.user("master.torino");
        Worker w = register.get(master, worker);
        register.update(master, worker, w.getVersion(), w.getFirstName(), w.getLastName(), residence, w.getEmail(),
                w.getPhone(), w.getCompetentCentreId(), w.getNaspiStart(), w.getNaspiExpectedEnd(),
                w.getNaspiMonthlyAmount(), w.getNaspiStatus(), w.getProfilingIndex(), w.getProfilingDate(), skills,
                w.getLanguages(), w.getNotes());
    }

    private long workerInPathway(String lastName) {
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", lastName, "Marta");
        int k = DAY.incrementAndGet();
        long pathway = pathwayStart.bookFirstAppointment(released.user("tutor.torino"), request,
                it.ricolloca.shared.LegalCalendar.nextWorkingDayFrom(Dates.today().plusDays(20 + k))
                        .atTime(9 + k % 8, 0).atZone(Dates.ZONE), null, null, null);
        return pathwayWork.get(released.user("master.torino"), pathway).getWorkerId();
    }

    private static VacancyDetails offer(String profile, String code, String skills, String municipality, String province,
            long centre) {
        return new VacancyDetails(Dates.today(), profile, code, "CP2021", 1, "Azienda di prova", null, null, null, null,
                null, ContractType.PERMANENT, null, skills, centre, VacancySource.CPI, null, null, null, null, municipality,
                province, null, null, null, null);
    }
}
