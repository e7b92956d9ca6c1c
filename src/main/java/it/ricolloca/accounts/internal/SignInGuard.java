package it.ricolloca.accounts.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per username and source address, per source, and wrong API tokens per source
 * (table {@code accounts_sign_in_guard}, shared by every node), and says when a source must wait. A lock
 * stops one source for one username, never the account: its owner signs in from their own workstation
 * while a stranger elsewhere is kept out. Each further lock of the same pair lasts twice as long
 * ({@link LockoutPolicy}). Counting is one atomic upsert, so that several nodes never lose an attempt.
 */
@Component
public class SignInGuard {

    /** The row that counts every failure of a source, whatever username it tried. */
    static final String ANY_USER = "*";
    /** The row that counts a source's wrong API tokens. */
    static final String BEARER = "#bearer";

    private final JdbcClient jdbc;
    private final LockoutPolicy policy;

    SignInGuard(JdbcClient jdbc, LockoutPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Until when this source may not try this username (nor any, when the source itself is locked). */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String username, String source) {
        return latestLock(source(source), key(username), ANY_USER);
    }

    /** Until when this source may not present API tokens. */
    @Transactional(readOnly = true)
    public Optional<Instant> bearerLockedUntil(String source) {
        return latestLock(source(source), BEARER, BEARER);
    }

    /** A wrong password (at sign-in or when changing it) for a username from a source; returns the lock it caused. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> failed(String username, String source) {
        Optional<Duration> forUser = count(key(username), source(source), policy.maxAttempts(), null);
        Optional<Duration> forSource = count(ANY_USER, source(source), policy.maxPerSource(), policy.sourceWindow());
        return forUser.isPresent() ? forUser : forSource;
    }

    /** A wrong API token from a source; returns the lock it caused. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> failedBearer(String source) {
        return count(BEARER, source(source), policy.maxBearerPerSource(), policy.sourceWindow());
    }

    /** The right password from this source: its count for this username starts again. */
    @Transactional
    public void succeeded(String username, String source) {
        jdbc.sql("delete from accounts_sign_in_guard where username = ? and source = ?")
                .params(key(username), source(source)).update();
    }

    /** The administrator lifts every lock and count of a username. */
    @Transactional
    public void unlock(String username) {
        jdbc.sql("delete from accounts_sign_in_guard where username = ?").param(key(username)).update();
    }

    /** Whether some source is locked out of this username now (shown to administrators). */
    @Transactional(readOnly = true)
    public boolean isLockedSomewhere(String username) {
        return jdbc.sql("select exists (select 1 from accounts_sign_in_guard where username = ? and locked_until > ?)")
                .params(key(username), Timestamp.from(Instant.now())).query(Boolean.class).single();
    }

    /** Which of these usernames some source is locked out of now (one query, for a list page). */
    @Transactional(readOnly = true)
    public Set<String> lockedAmong(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select distinct substring(username from 2) from accounts_sign_in_guard
                where username in (:keys) and locked_until > :now""")
                .param("keys", usernames.stream().map(SignInGuard::key).toList())
                .param("now", Timestamp.from(Instant.now())).query(String.class).list());
    }

    /** Every night, on one node: rows of failures long forgotten and of locks long expired go. */
    @Scheduled(cron = "0 41 3 * * *", zone = "Europe/Rome")
    @SchedulerLock(name = "sign-in-guard-forget", lockAtMostFor = "PT10M")
    public void nightly() {
        forgetOld();
    }

    @Transactional
    public int forgetOld() {
        Timestamp before = Timestamp.from(Instant.now().minus(policy.forgetAfter()));
        return jdbc.sql("""
                delete from accounts_sign_in_guard
                where last_failure_at < :before and (locked_until is null or locked_until < :now)""")
                .param("before", before).param("now", Timestamp.from(Instant.now())).update();
    }

    private Optional<Instant> latestLock(String source, String username, String other) {
        return jdbc.sql("""
                select max(locked_until) from accounts_sign_in_guard
                where source = :source and username in (:username, :other) and locked_until > :now""")
                .param("source", source).param("username", username).param("other", other)
                .param("now", Timestamp.from(Instant.now()))
                .query((rs, n) -> rs.getTimestamp(1)).optional().filter(Objects::nonNull)
                .map(Timestamp::toInstant);
    }

    /**
     * One more failure of the pair; at the limit the pair is locked, for longer at each lock. Failures count
     * from the first one in a window of {@code window} (a source's rows), or since the last failure when
     * {@code window} is null (a username's rows, forgotten after a quiet period).
     */
    private Optional<Duration> count(String username, String source, int max, Duration window) {
        Instant now = Instant.now();
        Timestamp forgotten = Timestamp.from(now.minus(policy.forgetAfter()));
        Timestamp windowStart = Timestamp.from(window == null ? Instant.EPOCH : now.minus(window));
        int[] counted = jdbc.sql("""
                insert into accounts_sign_in_guard as g (username, source, failures, locks, counted_since,
                    last_failure_at)
                values (:username, :source, 1, 0, :now, :now)
                on conflict (username, source) do update set
                    failures = case when g.last_failure_at < :forgotten or g.counted_since < :windowStart then 1
                        else g.failures + 1 end,
                    counted_since = case when g.last_failure_at < :forgotten or g.counted_since < :windowStart
                        then :now else g.counted_since end,
                    locks = case when g.last_failure_at < :forgotten and (g.locked_until is null or g.locked_until < :now)
                        then 0 else g.locks end,
                    last_failure_at = :now
                returning failures, locks""")
                .param("username", username).param("source", source).param("now", Timestamp.from(now))
                .param("forgotten", forgotten).param("windowStart", windowStart)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        if (counted[0] < max) {
            return Optional.empty();
        }
        Duration lock = policy.lockNumber(counted[1] + 1);
        jdbc.sql("""
                update accounts_sign_in_guard set failures = 0, counted_since = ?, locks = locks + 1, locked_until = ?
                where username = ? and source = ?""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(lock)), username, source).update();
        return Optional.of(lock);
    }

    /** A username as counted: marked, so that no typed name can be mistaken for the rows of a whole source. */
    static String key(String username) {
        String s = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "=" + (s.length() > 59 ? s.substring(0, 59) : s);
    }

    private static String source(String address) {
        String s = address == null || address.isBlank() ? "?" : address.strip();
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
