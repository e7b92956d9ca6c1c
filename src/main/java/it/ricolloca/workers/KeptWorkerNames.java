package it.ricolloca.workers;

import it.ricolloca.shared.search.PeopleCopy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a module extends to keep its own copy of its workers' names for its list's people search (ADR 0047,
 * {@link PeopleCopy}): the register's changes written over the copy before they commit, pseudonymisation included,
 * and the module's workers the copy lacks added at start-up. The module adds its workers as it takes them
 * ({@code copy().add}, {@code copy().addFrom}).
 */
public abstract class KeptWorkerNames implements ApplicationRunner {

    private final PeopleCopy copy;

    /**
     * @param table the copy's table, {@code (worker_id bigint primary key, search_text text not null)}
     * @param owner the module's table whose {@code worker_id} names the workers it holds
     */
    protected KeptWorkerNames(JdbcClient jdbc, Workers workers, String table, String owner) {
        this.copy = new PeopleCopy(jdbc, table, owner, workers::searchTexts);
    }

    /** The module's copy. */
    public PeopleCopy copy() {
        return copy;
    }

    @EventListener
    public void on(WorkerProfileChanged changed) {
        copy.changed(changed.workerId());
    }

    @EventListener
    public void on(WorkerDataExpired expired) {
        copy.changed(expired.workerId());
    }

    /** Rows written by SQL (a restore, data of a test) are copied at start-up, after the demo data. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        copy.fillMissing();
    }
}
