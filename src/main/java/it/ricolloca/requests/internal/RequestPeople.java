package it.ricolloca.requests.internal;

import it.ricolloca.workers.KeptWorkerNames;
import it.ricolloca.workers.Workers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The requests' own copy of their workers' search text ({@code requests_person}, ADR 0047), which the requests list
 * searches: taken when a request is filed or imported, written again when the register announces a change.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestPeople extends KeptWorkerNames {

    RequestPeople(JdbcClient jdbc, Workers workers) {
        super(jdbc, workers, "requests_person", "requests_voucher_request");
    }
}
