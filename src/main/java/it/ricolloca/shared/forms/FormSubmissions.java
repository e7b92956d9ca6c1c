package it.ricolloca.shared.forms;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one-time tokens of web forms already sent (table {@code shared_form_submission}, shared by all
 * nodes): a token is claimed when its form arrives, given back when the form did nothing, and forgotten
 * after {@code ricolloca.forms.remember-for}.
 */
@Component
public class FormSubmissions {

    private final JdbcClient jdbc;
    private final Duration rememberFor;

    FormSubmissions(JdbcClient jdbc, @Value("${ricolloca.forms.remember-for:P7D}") Duration rememberFor) {
        this.jdbc = jdbc;
        this.rememberFor = rememberFor;
    }

    /** True for the first arrival of the token, false when it was already sent (by any node). */
    public boolean claim(UUID token) {
        return jdbc.sql("insert into shared_form_submission (token) values (?) on conflict do nothing").param(token)
                .update() == 1;
    }

    /** The form did nothing (refused, shown again with its errors, failed): it may be sent again. */
    public void release(UUID token) {
        jdbc.sql("delete from shared_form_submission where token = ?").param(token).update();
    }

    /** Every night, on one node. */
    @Scheduled(cron = "0 17 3 * * *", zone = "Europe/Rome")
    @SchedulerLock(name = "form-submissions-forget", lockAtMostFor = "PT10M")
    public void nightly() {
        forgetOld();
    }

    /** Forgets the tokens older than {@code ricolloca.forms.remember-for}; returns how many. */
    public int forgetOld() {
        return jdbc.sql("delete from shared_form_submission where submitted_at < ?")
                .param(Timestamp.from(Instant.now().minus(rememberFor))).update();
    }
}
