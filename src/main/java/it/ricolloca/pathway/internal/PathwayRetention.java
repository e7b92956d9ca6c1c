package it.ricolloca.pathway.internal;

import static it.ricolloca.shared.db.PersonalText.cleared;

import it.ricolloca.shared.Detail;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.workers.WorkerDataExpired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a worker's data passes its retention period, the worker's pathways lose what was written in them: the
 * pact's actions, the meetings' topics, the diary, the notes of the timesheet, suspensions, extension and
 * closing, the employer of the hire. Dates, hours, statuses and outcomes stay for the statistics and claims.
 */
@Component
class PathwayRetention {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PathwayRetention(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(WorkerDataExpired expired) {
        long worker = expired.workerId();
        String ofWorker = " where pathway_id in (select id from pathway_pathway where worker_id = ?)";
        jdbc.sql("update pathway_pathway set " + cleared("extension_reason", "outcome_note", "hire_employer")
                + ", hire_employer_vat = null where worker_id = ?").param(worker).update();
        jdbc.sql("update pathway_pact set " + cleared("next_appointments") + ofWorker).param(worker).update();
        jdbc.sql("update pathway_pact_action set " + cleared("description") + " where pact_id in (select id from"
                + " pathway_pact" + ofWorker + ")").param(worker).update();
        jdbc.sql("update pathway_timesheet_entry set " + cleared("note") + ofWorker).param(worker).update();
        jdbc.sql("update pathway_suspension set " + cleared("employer", "note") + ofWorker).param(worker).update();
        jdbc.sql("update pathway_meeting set " + cleared("topics", "actions_agreed") + ofWorker).param(worker).update();
        jdbc.sql("update pathway_diary_entry set " + cleared("how", "company", "profile", "outcome") + ofWorker)
                .param(worker).update();
        jdbc.sql("update pathway_tutor_assignment set " + cleared("reason") + ofWorker).param(worker).update();
        audit.record("PERSONAL_DATA_PSEUDONYMISED", "Worker", worker, Detail.of("audit.detail.pseudonymisedPathways").encoded());
    }
}
