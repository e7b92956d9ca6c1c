package it.ricolloca.vacancies.internal;

import static it.ricolloca.shared.db.PersonalText.cleared;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.workers.WorkerDataExpired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When a worker's data passes its retention period, the worker's referrals lose the notes and reasons written on them. */
@Component
class ReferralRetention {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ReferralRetention(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(WorkerDataExpired expired) {
        jdbc.sql("update vacancies_referral set " + cleared("note", "reason") + " where worker_id = ?")
                .param(expired.workerId()).update();
        jdbc.sql("update vacancies_referral_event set " + cleared("note")
                + " where referral_id in (select id from vacancies_referral where worker_id = ?)")
                .param(expired.workerId()).update();
        audit.record("PERSONAL_DATA_PSEUDONYMISED", "Worker", expired.workerId(), "candidature");
    }
}
