package it.ricolloca.agenda.internal;

import static it.ricolloca.shared.db.PersonalText.cleared;

import it.ricolloca.shared.Detail;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.workers.WorkerDataExpired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When a worker's data passes its retention period, the worker's appointments lose the notes written on them. */
@Component
class AppointmentRetention {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    AppointmentRetention(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(WorkerDataExpired expired) {
        jdbc.sql("update agenda_appointment set " + cleared("contact_note", "past_justification", "closing_reason",
                "outcome_note") + " where worker_id = ?").param(expired.workerId()).update();
        audit.record("PERSONAL_DATA_PSEUDONYMISED", "Worker", expired.workerId(), Detail.of("audit.detail.pseudonymisedAppointments").encoded());
    }
}
