package it.ricolloca.shared.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A module's own copy of what a people search reads of its workers (ADR 0047): a table
 * {@code (worker_id bigint primary key, search_text text not null)} with a trigram index on the text, which the
 * module's list searches ({@link #condition}) instead of asking the register for the ids of every worker a word
 * names. The register's text is the truth; the copy takes it
 * <ul>
 * <li>when the module first holds a worker ({@link #add}, {@link #addFrom}): a row the copy already has is left,
 * since the register's changes keep it;</li>
 * <li>whenever the register announces a change of the worker ({@link #changed}), written over the copy's before the
 * change commits, whether or not the module holds the worker yet;</li>
 * <li>at start-up for the module's workers the copy lacks (rows written by SQL, {@link #fillMissing}).</li>
 * </ul>
 * The two writes meet on the primary key: a worker the module takes while the register changes them ends with the
 * changed text in every order of the two transactions (the insert that finds the other's row waits for its commit,
 * then keeps it; the change's upsert that finds the other's row waits, then writes over it).
 */
public final class PeopleCopy {

    /** The price of a page read by key when the list is in the server's cache ({@link #planSearch}). */
    static final String CACHED_PAGE_COST = "1.1";

    /** The price of handling one row read in turn, against a lookup by key ({@link #planSearch}). */
    static final String ROW_COST = "0.03";

    /** Helpers a search's statement may start ({@link #planSearch}): none. */
    static final String HELPERS = "0";

    private final JdbcClient jdbc;
    private final String table;
    private final String owner;
    private final Function<Collection<Long>, Map<Long, String>> register;

    /**
     * @param table    the copy's table
     * @param owner    the module's table whose {@code worker_id} column names the workers it holds
     * @param register the register's text of the given workers, by id ({@code Workers.searchTexts})
     */
    public PeopleCopy(JdbcClient jdbc, String table, String owner, Function<Collection<Long>, Map<Long, String>> register) {
        if (!table.matches("[a-z_]{1,40}") || !owner.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("table name");
        }
        this.jdbc = jdbc;
        this.table = table;
        this.owner = owner;
        this.register = register;
    }

    /**
     * The register changed the worker (or created or pseudonymised them): the register's text is written over the
     * copy's before the transaction commits, once per worker however many changes the transaction announces (an
     * import of the register announces thousands).
     */
    public void changed(long workerId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(workerId));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<Long> ids = new TreeSet<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PeopleCopy.this);
                    write(ids);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PeopleCopy.this);
                }
            });
            pending = ids;
        }
        pending.add(workerId);
    }

    private void write(Collection<Long> ids) {
        Map<Long, String> texts = register.apply(ids);
        if (texts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into %s as c (worker_id, search_text)
                select * from unnest(cast(:ids as bigint[]), cast(:texts as text[]))
                on conflict (worker_id) do update set search_text = excluded.search_text
                where c.search_text is distinct from excluded.search_text""".formatted(table))
                .param("ids", texts.keySet().toArray(Long[]::new)).param("texts", texts.values().toArray(String[]::new))
                .update();
    }

    /** The module now holds the worker: the copy takes the register's text unless it already has the worker. */
    public void add(long workerId) {
        add(register.apply(List.of(workerId)));
    }

    private int add(Map<Long, String> texts) {
        if (texts.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                insert into %s (worker_id, search_text)
                select * from unnest(cast(:ids as bigint[]), cast(:texts as text[]))
                on conflict (worker_id) do nothing""".formatted(table))
                .param("ids", texts.keySet().toArray(Long[]::new)).param("texts", texts.values().toArray(String[]::new))
                .update();
    }

    /**
     * Bulk path for imports: the workers of a staging table whose {@code worker_id} and {@code search_text} the
     * register filled ({@code Workers.identifyIn}) and that the copy lacks, in one statement. Returns how many.
     */
    public int addFrom(String stagingTable) {
        if (!stagingTable.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("staging table name");
        }
        int added = jdbc.sql("""
                insert into %1$s (worker_id, search_text)
                select distinct on (s.worker_id) s.worker_id, s.search_text from %2$s s
                where s.worker_id is not null and s.search_text is not null
                  and not exists (select 1 from %1$s c where c.worker_id = s.worker_id)
                order by s.worker_id
                on conflict (worker_id) do nothing""".formatted(table, stagingTable)).update();
        analyseAfter(added);
        return added;
    }

    /** Many rows added: the planner's statistics now, not when autovacuum next passes (the searches' estimates). */
    private void analyseAfter(int added) {
        if (added > 1000) {
            jdbc.sql("analyze " + table).update();
        }
    }

    /**
     * Adds the module's workers the copy lacks (rows written by SQL: demo data, a restore, tests), a thousand at a
     * time; a copy kept by the module's writes lacks none. Returns how many were added.
     */
    public int fillMissing() {
        List<Long> missing = jdbc.sql("""
                select distinct o.worker_id from %s o
                where not exists (select 1 from %s c where c.worker_id = o.worker_id) order by 1"""
                .formatted(owner, table)).query(Long.class).list();
        int added = 0;
        for (int from = 0; from < missing.size(); from += 1000) {
            added += add(register.apply(missing.subList(from, Math.min(missing.size(), from + 1000))));
        }
        analyseAfter(added);
        return added;
    }

    /**
     * The condition that the worker of the module's row under {@code alias} is named by the text ({@link
     * PeopleSearch}: every word in surname, name or codice fiscale, accents and case ignored), or {@code null} for a
     * blank text (no condition). Its parameters are bound by {@link PeopleSearch#bind} of {@link #search}; the
     * list's transaction calls {@link #planSearch} once before its statements.
     */
    public String condition(String alias, PeopleSearch search) {
        if (!alias.matches("[a-z]{1,10}")) {
            throw new IllegalArgumentException("alias");
        }
        if (search.blank()) {
            return null;
        }
        return alias + ".worker_id in (select ps.worker_id from " + table + " ps where " + search.sql() + ")";
    }

    /**
     * Plans the rest of the caller's transaction for a search of a list read from the server's cache, with two
     * prices measured on the benchmark's data and without helper processes (ADR 0047):
     * <ul>
     * <li>a page read by key costs little more than one read in turn ({@code random_page_cost = 1.1}; PostgreSQL's
     * default of 4 prices a disk's seek). Under the default a word naming 3,576 of the network's workers read all
     * its 142,858 requests to join them (84 ms); so planned, the CPI's list reads the matches by key (25 ms);</li>
     * <li>handling a row read in turn costs a tenth of a lookup by key, not a thirty-fifth ({@code cpu_tuple_cost =
     * 0.03}, default 0.01): a lookup's descent of the index is priced at 0.5 and a row of a full read at 0.015, while
     * the server took 2.8 µs and 0.25 µs. With the default the network's list hashed all 142,858 requests for those
     * 3,576 workers (40 ms) instead of looking them up (16 ms); a word naming one request in ten or more still
     * hashes them all, which is then as fast.</li>
     * <li>no parallel helper process ({@code max_parallel_workers_per_gather = 0}): with rows priced at 0.03 a
     * helper's fixed price looks smaller, and the network's list then read those 3,576 workers' requests with a
     * helper in 25–41 ms instead of 8–9 ms alone; a word naming one request in five took 39–45 ms alone against
     * 57–70 ms with helpers. A list answers in tens of milliseconds, too little to start a process for, and on a
     * two-core node the helper takes the core another user's page was running on.</li>
     * </ul>
     * Nothing for a blank search or outside a transaction; only the transaction is affected ({@code set_config(…,
     * true)}, as {@code set local}). Call it once per transaction.
     */
    public void planSearch(PeopleSearch search) {
        if (!search.blank() && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("select set_config('random_page_cost', :pages, true), set_config('cpu_tuple_cost', :rows, true),"
                    + " set_config('max_parallel_workers_per_gather', :helpers, true)")
                    .param("pages", CACHED_PAGE_COST).param("rows", ROW_COST).param("helpers", HELPERS)
                    .query((rs, n) -> n).list();
        }
    }

    /** The search of a text over the copy, for {@link #condition}. */
    public static PeopleSearch search(String text) {
        return PeopleSearch.planned("ps", text);
    }
}
