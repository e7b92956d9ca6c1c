package it.ricolloca.vacancies.internal;

import it.ricolloca.pathway.PathwayClosed;
import it.ricolloca.pathway.PathwayMovedToProvider;
import it.ricolloca.pathway.PathwayOpened;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.OpenPathway;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open pathways matching ranks for an offer, with their worker and CPI ({@code vacancies_candidate}, ADR 0038):
 * kept from the pathway module's events in the transaction that opens, moves or closes a pathway, and made equal to
 * the pathway module's own list at start-up (pathways written by SQL, a first start after the migration). Every
 * write of the events takes a shared advisory lock, the start-up's an exclusive one: a pathway opened or closed while
 * a node starts is written after, or seen by, its reconciliation, never lost between the two.
 */
@Component
class Candidates {

    /** Advisory lock of the kept list (the key of ADR 0038's locks, second space). */
    private static final int LOCK_SPACE = 0x0038;
    private static final int LOCK = 2;

    private final JdbcClient jdbc;
    private final Pathways pathways;

    Candidates(JdbcClient jdbc, Pathways pathways) {
        this.jdbc = jdbc;
        this.pathways = pathways;
    }

    @EventListener
    void on(PathwayOpened opened) {
        keep(opened.pathwayId(), opened.workerId(), opened.centreId());
    }

    @EventListener
    void on(PathwayMovedToProvider moved) {
        keep(moved.pathwayId(), moved.workerId(), moved.centreId());
    }

    @EventListener
    void on(PathwayClosed closed) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?, ?)").param(LOCK_SPACE).param(LOCK).query().singleRow();
        jdbc.sql("delete from vacancies_candidate where pathway_id = ?").param(closed.pathwayId()).update();
    }

    private void keep(long pathwayId, long workerId, long centreId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?, ?)").param(LOCK_SPACE).param(LOCK).query().singleRow();
        jdbc.sql("""
                insert into vacancies_candidate (pathway_id, worker_id, centre_id) values (?, ?, ?)
                on conflict (pathway_id) do update set worker_id = excluded.worker_id, centre_id = excluded.centre_id""")
                .params(pathwayId, workerId, centreId).update();
    }

    /**
     * Makes the kept list the pathway module's list of open pathways: adds or corrects what differs, removes what
     * is no longer open. Returns how many rows it wrote or removed (none when the events kept it).
     */
    @Transactional
    public int reconcile() {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").param(LOCK_SPACE).param(LOCK).query().singleRow();
        List<OpenPathway> open = pathways.open(null);
        Long[] ids = open.stream().map(OpenPathway::pathwayId).toArray(Long[]::new);
        Long[] workers = open.stream().map(OpenPathway::workerId).toArray(Long[]::new);
        Long[] centres = open.stream().map(OpenPathway::centreId).toArray(Long[]::new);
        int written = jdbc.sql("""
                insert into vacancies_candidate as c (pathway_id, worker_id, centre_id)
                select * from unnest(cast(:ids as bigint[]), cast(:workers as bigint[]), cast(:centres as bigint[]))
                on conflict (pathway_id) do update set worker_id = excluded.worker_id, centre_id = excluded.centre_id
                where (c.worker_id, c.centre_id) is distinct from (excluded.worker_id, excluded.centre_id)""")
                .param("ids", ids).param("workers", workers).param("centres", centres).update();
        int removed = jdbc.sql("""
                delete from vacancies_candidate c
                where not exists (select 1 from unnest(cast(:ids as bigint[])) o(id) where o.id = c.pathway_id)""")
                .param("ids", ids).update();
        // The copy of the workers' terms (V86), kept by triggers: corrected here where a pathway opened while its
        // worker's terms were first stored, in two transactions that did not see each other.
        int copied = jdbc.sql("""
                update vacancies_candidate c set home_centre_id = t.centre_id, prefix_set_id = t.prefix_set_id,
                    place_id = t.place_id, complete = t.complete, name = t.name
                from vacancies_worker_terms t
                where t.worker_id = c.worker_id and (c.home_centre_id, c.prefix_set_id, c.place_id, c.complete, c.name)
                    is distinct from (t.centre_id, t.prefix_set_id, t.place_id, t.complete, t.name)""").update();
        int cleared = jdbc.sql("""
                update vacancies_candidate c set home_centre_id = null, prefix_set_id = null, place_id = null,
                    complete = null, name = null
                where c.complete is not null
                    and not exists (select 1 from vacancies_worker_terms t where t.worker_id = c.worker_id)""").update();
        return written + removed + copied + cleared;
    }

    /** How many open pathways the user's scope holds (every CPI's when {@code centreId} is null). */
    long count(Long centreId) {
        return jdbc.sql("""
                select count(*) from vacancies_candidate where cast(:centre as bigint) is null or centre_id = :centre""")
                .param("centre", centreId).query(Long.class).single();
    }

    /**
     * The workers of the scope's open pathways whose row carries no copy of stored terms (data written by SQL, or
     * terms stored while the pathway opened in another transaction: {@link #reconcile} corrects the copy), in id
     * order.
     */
    List<Long> withoutTerms(Long centreId) {
        return jdbc.sql("""
                select distinct c.worker_id from vacancies_candidate c
                where (cast(:centre as bigint) is null or c.centre_id = :centre) and c.complete is null
                order by 1""").param("centre", centreId).query(Long.class).list();
    }
}
