package it.ricolloca.pathway.internal;

import it.ricolloca.pathway.PathwayOpened;
import it.ricolloca.workers.KeptWorkerNames;
import it.ricolloca.workers.Workers;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pathways' own copy of their workers' search text ({@code pathway_person}, ADR 0047), which the pathways list
 * searches: taken when a pathway opens, written again when the register announces a change.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PathwayPeople extends KeptWorkerNames {

    PathwayPeople(JdbcClient jdbc, Workers workers) {
        super(jdbc, workers, "pathway_person", "pathway_pathway");
    }

    @EventListener
    public void on(PathwayOpened opened) {
        copy().add(opened.workerId());
    }
}
