package it.ricolloca.notifications.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the event registry still has to deliver (mostly e-mails waiting for the SMTP server): the
 * administrator sees the count on the notices page and as the metric {@code ricolloca.events.pending}.
 */
@Component
public class PendingDeliveries {

    /** How many deliveries wait, and since when the oldest. */
    public record Pending(long count, Instant oldest) {
    }

    private final JdbcClient jdbc;

    PendingDeliveries(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("ricolloca.events.pending", this, p -> p.pending().count())
                .description("Consegne (e-mail) in attesa nel registro degli eventi").register(meters);
    }

    public Pending pending() {
        return jdbc.sql("select count(*), min(publication_date) from event_publication where completion_date is null")
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getTimestamp(2) == null ? null
                        : rs.getTimestamp(2).toInstant())).single();
    }
}
