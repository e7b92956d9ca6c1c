package it.ricolloca.pathway.internal;

import it.ricolloca.pathway.PathwayOpened;
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
 * The pathways' own copy of their workers' search text ({@code pathway_person}, ADR 0047), which the pathways list
 * searches: taken when a pathway opens, written again when the register announces a change.
 * Rows written by SQL (a restore, data of a test) are copied at start-up, after the demo data.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PathwayPeople implements ApplicationRunner {

    private final PeopleCopy copy;

    PathwayPeople(JdbcClient jdbc, Workers workers) {
        this.copy = new PeopleCopy(jdbc, "pathway_person", "pathway_pathway", workers::searchTexts);
    }

    PeopleCopy copy() {
        return copy;
    }

    @EventListener
    void on(PathwayOpened opened) {
        copy.add(opened.workerId());
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
