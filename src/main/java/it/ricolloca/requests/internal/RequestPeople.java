package it.ricolloca.requests.internal;

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
 * The requests' own copy of their workers' search text ({@code requests_person}, ADR 0047), which the requests list
 * searches: taken when a request is filed or imported, written again when the register announces a change.
 * Rows written by SQL (a restore, data of a test) are copied at start-up, after the demo data.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestPeople implements ApplicationRunner {

    private final PeopleCopy copy;

    RequestPeople(JdbcClient jdbc, Workers workers) {
        this.copy = new PeopleCopy(jdbc, "requests_person", "requests_voucher_request", workers::searchTexts);
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
