package it.ricolloca.requests.internal;

import static it.ricolloca.shared.db.PersonalText.cleared;

import it.ricolloca.shared.Detail;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.Dossier;
import it.ricolloca.workers.WorkerDataExpired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a worker's data passes its retention period, the worker's requests lose what people wrote in them
 * (notes, reasons, observations, answers) and the worker's documents their contents; statuses, dates and
 * the CPI stay for the statistics.
 */
@Component
class RequestRetention {

    private final JdbcClient jdbc;
    private final Dossier dossier;
    private final AuditTrail audit;

    RequestRetention(JdbcClient jdbc, Dossier dossier, AuditTrail audit) {
        this.jdbc = jdbc;
        this.dossier = dossier;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(WorkerDataExpired expired) {
        long worker = expired.workerId();
        String ofWorker = " where request_id in (select id from requests_voucher_request where worker_id = ?)";
        jdbc.sql("update requests_voucher_request set " + cleared("rejection_notice_reasons", "decision_reasons",
                "observations_answer", "active_policy_contact_note") + " where worker_id = ?").param(worker).update();
        jdbc.sql("update requests_check set " + cleared("note") + ofWorker).param(worker).update();
        jdbc.sql("update requests_observation set " + cleared("text") + ofWorker).param(worker).update();
        jdbc.sql("update requests_event set " + cleared("note") + ofWorker).param(worker).update();
        dossier.forgetWorker(worker);
        audit.record("PERSONAL_DATA_PSEUDONYMISED", "Worker", worker,
                Detail.of("audit.detail.pseudonymisedRequests").encoded());
    }
}
