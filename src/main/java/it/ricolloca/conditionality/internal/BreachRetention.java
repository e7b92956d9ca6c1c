package it.ricolloca.conditionality.internal;

import static it.ricolloca.shared.db.PersonalText.cleared;

import it.ricolloca.shared.Detail;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.workers.WorkerDataExpired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a worker's data passes its retention period, the worker's breaches lose their evidence, justification
 * and reasons (which may speak of health or family), and the description of the offers judged; the kind,
 * dates and sanction stay.
 */
@Component
class BreachRetention {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    BreachRetention(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(WorkerDataExpired expired) {
        jdbc.sql("update conditionality_breach set " + cleared("evidence", "justification", "decision_reason")
                + " where worker_id = ?").param(expired.workerId()).update();
        jdbc.sql("update conditionality_suitability_finding set " + cleared("offer_description")
                + " where breach_id in (select id from conditionality_breach where worker_id = ?)")
                .param(expired.workerId()).update();
        audit.record("PERSONAL_DATA_PSEUDONYMISED", "Worker", expired.workerId(), Detail.of("audit.detail.pseudonymisedBreaches").encoded());
    }
}
