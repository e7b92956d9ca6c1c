package it.ricolloca.notifications.internal;

import it.ricolloca.notifications.NoticeRoutes;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notices the user has not read yet, on every user's home page, the oldest first; one statement. */
@Component
class NoticeDueWork implements DueWorkSource {

    private final JdbcClient jdbc;

    NoticeDueWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        return jdbc.sql("""
                select count(*), min(n.sent_at) from notifications_notice_recipient me
                join notifications_notice n on n.id = me.notice_id where me.user_id = ? and me.read_at is null""")
                .param(scope.userId())
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return List.of(new DueWork(90, "home.due.notices", "home.due.since", rs.getLong(1),
                            oldest == null ? null : LocalDate.ofInstant(oldest.toInstant(), Dates.ZONE),
                            NoticeRoutes.NOTICES + "?unread=true"));
                }).single();
    }
}
