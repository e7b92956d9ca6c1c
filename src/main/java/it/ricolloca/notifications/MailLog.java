package it.ricolloca.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The e-mails sent, as other modules read them: a worker's reminders and notices on their own pages (ADR 0040). */
@Service
@Transactional(readOnly = true)
public class MailLog {

    /** One e-mail sent: its subject and when. */
    public record SentMail(String subject, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    MailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The e-mails sent to this address, newest first (at most {@code limit}); none for a blank address. */
    public List<SentMail> sentTo(String address, int limit) {
        if (address == null || address.isBlank()) {
            return List.of();
        }
        return jdbc.sql("select subject, sent_at from notifications_mail where lower(recipient) = lower(?)"
                        + " order by sent_at desc, id desc limit ?").params(address.strip(), limit)
                .query((rs, n) -> new SentMail(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    }
}
