package it.ricolloca.claims.internal;

import it.ricolloca.workers.KeptWorkerNames;
import it.ricolloca.workers.Workers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The claims' own copy of their workers' search text ({@code claims_person}, ADR 0047), which the claims list
 * searches: taken when a claim is prepared, written again when the register announces a change.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ClaimPeople extends KeptWorkerNames {

    ClaimPeople(JdbcClient jdbc, Workers workers) {
        super(jdbc, workers, "claims_person", "claims_claim");
    }
}
