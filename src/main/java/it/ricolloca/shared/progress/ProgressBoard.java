package it.ricolloca.shared.progress;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The progress of long operations (table {@code shared_progress}, ADR 0028). A form that starts one carries a
 * token ({@value #FIELD}, written by the {@code shared/progress} fragment); the controller asks
 * {@link #track} for a {@link Progress} under that token and hands it to the operation, which reports its
 * total and how far it got. Each report is written in a transaction of its own, so that the page polling
 * {@code /progress/{token}} (any node) sees it while the operation's own transaction is still open. Only the
 * user who started an operation reads its progress.
 */
@Component
public class ProgressBoard {

    /** The form field carrying the token. */
    public static final String FIELD = "progress";
    /** Reports closer than this are not written (the last one and the finish always are). */
    private static final long PACE_NANOS = Duration.ofMillis(250).toNanos();

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    ProgressBoard(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A progress for the operation {@code kind} under the form's token, owned by the signed-in user;
     * {@link Progress#NONE} when the form carried no valid token (an API client, an old page).
     */
    public Progress track(String token, String kind) {
        Optional<UUID> id = parse(token);
        String owner = currentUser();
        if (id.isEmpty() || owner == null) {
            return Progress.NONE;
        }
        own.executeWithoutResult(s -> jdbc.sql("insert into shared_progress (id, owner, kind) values (?, ?, ?)"
                + " on conflict (id) do nothing").params(id.get(), owner, kind).update());
        return new Tracker(id.get(), owner);
    }

    /** The progress under the token, if the signed-in user started it; {@link ProgressRecord#STARTING} otherwise. */
    public ProgressRecord read(String token) {
        Optional<UUID> id = parse(token);
        String owner = currentUser();
        if (id.isEmpty() || owner == null) {
            return ProgressRecord.STARTING;
        }
        return jdbc.sql("select kind, done, total, finished from shared_progress where id = ? and owner = ?")
                .params(id.get(), owner)
                .query((rs, n) -> new ProgressRecord(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)))
                .optional().orElse(ProgressRecord.STARTING);
    }

    /** Every night, on one node: progress is worth a day. */
    @Scheduled(cron = "0 27 3 * * *", zone = "Europe/Rome")
    @SchedulerLock(name = "progress-forget", lockAtMostFor = "PT10M")
    public void nightly() {
        jdbc.sql("delete from shared_progress where updated_at < ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofDays(1)))).update();
    }

    private static Optional<UUID> parse(String token) {
        if (token == null || token.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return null;
        }
        return auth.getName();
    }

    private final class Tracker implements Progress {

        private final UUID id;
        private final String owner;
        private long total;
        private long lastWrite;
        private long pending = -1;

        Tracker(UUID id, String owner) {
            this.id = id;
            this.owner = owner;
        }

        @Override
        public void total(long total) {
            this.total = Math.max(0, total);
            write("update shared_progress set total = ?, done = 0, finished = false, updated_at = now()"
                    + " where id = ? and owner = ?", this.total);
        }

        @Override
        public void done(long done) {
            pending = Math.max(0, done);
            long now = System.nanoTime();
            if (now - lastWrite >= PACE_NANOS) {
                lastWrite = now;
                flush();
            }
        }

        @Override
        public void finish() {
            flush();
            write("update shared_progress set done = greatest(total, done), total = greatest(total, done),"
                    + " finished = true, updated_at = now() where id = ? and owner = ?");
        }

        private void flush() {
            if (pending >= 0) {
                long done = total > 0 ? Math.min(pending, total) : pending;
                write("update shared_progress set done = ?, updated_at = now() where id = ? and owner = ?", done);
            }
        }

        private void write(String sql, Object... first) {
            Object[] params = new Object[first.length + 2];
            System.arraycopy(first, 0, params, 0, first.length);
            params[first.length] = id;
            params[first.length + 1] = owner;
            own.executeWithoutResult(s -> jdbc.sql(sql).params(params).update());
        }
    }
}
