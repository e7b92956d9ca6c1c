package it.ricolloca.notifications.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.Dates;
import java.sql.Timestamp;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of the e-mails sent (recipient, subject, reference) is kept for
 * {@link Parameter#RETENTION_MAIL_LOG_MONTHS}: every night, on one node, older entries go. Its only other use,
 * sending each e-mail once, never looks that far back.
 */
@Component
public class MailLogRetention {

    private final JdbcClient jdbc;
    private final Parameters parameters;
    private final AuditTrail audit;

    MailLogRetention(JdbcClient jdbc, Parameters parameters, AuditTrail audit) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.audit = audit;
    }

    @Scheduled(cron = "0 53 2 * * *", zone = "Europe/Rome")
    @SchedulerLock(name = "mail-log-retention", lockAtMostFor = "PT30M")
    public void nightly() {
        forgetBefore(Dates.today());
    }

    /** Deletes the entries older than the period in force on {@code today}; returns how many. */
    @Transactional
    public int forgetBefore(LocalDate today) {
        LocalDate limit = today.minusMonths(parameters.integer(Parameter.RETENTION_MAIL_LOG_MONTHS, today));
        int deleted = jdbc.sql("delete from notifications_mail where sent_at < ?")
                .param(Timestamp.from(limit.atStartOfDay(Dates.ZONE).toInstant())).update();
        if (deleted > 0) {
            audit.record("MAIL_LOG_FORGOTTEN", "Mail", "", Detail.of("audit.detail.mailForgotten", deleted, limit).encoded());
        }
        return deleted;
    }
}
