package it.ricolloca.claims.internal;

import it.ricolloca.shared.search.PeopleCopy;
import it.ricolloca.workers.WorkerDataExpired;
import it.ricolloca.workers.WorkerProfileChanged;
import it.ricolloca.workers.Workers;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims' own copy of their workers' search text ({@code claims_person}, ADR 0047), which the claims list
 * searches: taken when a claim is made, written again when the register announces a change.
 * Rows written by SQL (a restore, data of a test) are copied at start-up, after the demo data.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ClaimPeople implements ApplicationRunner {

    private final PeopleCopy copy;

    ClaimPeople(JdbcClient jdbc, Workers workers) {
        this.copy = new PeopleCopy(jdbc, "claims_person", "claims_claim", workers::searchTexts);
    }

    PeopleCopy copy() {
        return copy;
    }

    @EventListener
    void on(WorkerProfileChanged changed) {
        copy.changed(changed.workerId());
    }

    @EventListener
    void on(WorkerDataExpired expired) {
        copy.changed(expired.workerId());
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        copy.fillMissing();
    }
}
