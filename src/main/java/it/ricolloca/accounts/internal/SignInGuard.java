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
 *
 * <p>Guessing spread over many sources is met per username, never by locking the account: past
 * {@code userAlarmAt} failures from all sources within {@code userWindow} the username is guarded, and a
 * source from which its owner never signed in is held off after fewer failures; the owner's known
 * workstations keep their full allowance and a right password from a source that has not failed is always
 * taken (ADR 0031). Per-source rows count a source's network ({@link SourceAddress#network}).
 */
@Component
public class SignInGuard {

    /** The row that counts every failure of a source, whatever username it tried. */
    static final String ANY_USER = "*";
    /** The row that counts a source's wrong API tokens. */
    static final String BEARER = "#bearer";
    /** The source of the row that counts a username's failures from every source. */
    static final String ALL_SOURCES = "*";

    private final JdbcClient jdbc;
    private final LockoutPolicy policy;

    SignInGuard(JdbcClient jdbc, LockoutPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /**
     * What a failure caused: the lock of its source, if any, and, when this failure started the guard of the
     * username, the failures counted in the window. The caller audits both in its own transaction (the audit
     * chain's lock is held by the caller's transaction, which this one must not wait for).
     */
    public record Failure(Optional<Duration> lock, int guardStartedAt) {
    }

    /** Until when this source may not try this username (nor any, when the source itself is locked). */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String username, String source) {
        return jdbc.sql("""
                select max(locked_until) from accounts_sign_in_guard
                where ((username = :username and source = :source) or (username = :any and source = :network))
                  and locked_until > :now""")
                .param("username", key(username)).param("source", source(source)).param("any", ANY_USER)
                .param("network", SourceAddress.network(source)).param("now", Timestamp.from(Instant.now()))
                .query((rs, n) -> rs.getTimestamp(1)).optional().filter(Objects::nonNull)
                .map(Timestamp::toInstant);
    }

    /** Until when this source may not present API tokens. */
    @Transactional(readOnly = true)
    public Optional<Instant> bearerLockedUntil(String source) {
        return jdbc.sql("""
                select max(locked_until) from accounts_sign_in_guard
                where username = :bearer and source = :network and locked_until > :now""")
                .param("bearer", BEARER).param("network", SourceAddress.network(source))
                .param("now", Timestamp.from(Instant.now()))
                .query((rs, n) -> rs.getTimestamp(1)).optional().filter(Objects::nonNull)
                .map(Timestamp::toInstant);
    }

    /**
     * A wrong password (at sign-in or when changing it) for a username from a source; returns the lock it caused.
     * While the username is guarded, a source its owner never signed in from is held off sooner.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Failure failed(String username, String source) {
        UserCount user = countForUser(username);
        int max = user.guarded() && !isKnownSource(username, source) ? policy.maxAttemptsWhenGuarded()
                : policy.maxAttempts();
        Optional<Duration> forUser = count(key(username), source(source), max, null);
        Optional<Duration> forSource = count(ANY_USER, SourceAddress.network(source), policy.maxPerSource(),
                policy.sourceWindow());
        return new Failure(forUser.isPresent() ? forUser : forSource, user.startedNow() ? user.failures() : 0);
    }

    /** A wrong API token from a source; returns the lock it caused. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> failedBearer(String source) {
        return count(BEARER, SourceAddress.network(source), policy.maxBearerPerSource(), policy.sourceWindow());
    }

    /** The right password from this source: its count for this username starts again, and the source is known. */
    @Transactional
    public void succeeded(String username, String source) {
        jdbc.sql("delete from accounts_sign_in_guard where username = ? and source = ?")
                .params(key(username), source(source)).update();
        jdbc.sql("""
                insert into accounts_sign_in_source (username, source, last_success_at) values (?, ?, ?)
                on conflict (username, source) do update set last_success_at = excluded.last_success_at""")
                .params(key(username), source(source), Timestamp.from(Instant.now())).update();
    }

    /** Whether the user signed in from this source recently ({@code knownSourceFor}). */
    @Transactional(readOnly = true)
    public boolean isKnownSource(String username, String source) {
        return jdbc.sql("""
                select exists (select 1 from accounts_sign_in_source
                where username = ? and source = ? and last_success_at > ?)""")
                .params(key(username), source(source), Timestamp.from(Instant.now().minus(policy.knownSourceFor())))
                .query(Boolean.class).single();
    }

    /** Until when the username is guarded against guessing spread over many sources. */
    @Transactional(readOnly = true)
    public Optional<Instant> guardedUntil(String username) {
        return jdbc.sql("""
                select locked_until from accounts_sign_in_guard
                where username = ? and source = ? and locked_until > ?""")
                .params(key(username), ALL_SOURCES, Timestamp.from(Instant.now()))
                .query((rs, n) -> rs.getTimestamp(1)).optional().filter(Objects::nonNull).map(Timestamp::toInstant);
    }

    /**
     * One more failure of a username from any source, in windows of {@code userWindow}; at {@code userAlarmAt}
     * the username is guarded until a window after the latest such failure.
     */
    private UserCount countForUser(String username) {
        Instant now = Instant.now();
        String key = key(username);
        int failures = jdbc.sql("""
                insert into accounts_sign_in_guard as g (username, source, failures, locks, counted_since,
                    last_failure_at)
                values (:username, :all, 1, 0, :now, :now)
                on conflict (username, source) do update set
                    failures = case when g.counted_since < :windowStart then 1 else g.failures + 1 end,
                    counted_since = case when g.counted_since < :windowStart then :now else g.counted_since end,
                    last_failure_at = :now
                returning failures""")
                .param("username", key).param("all", ALL_SOURCES).param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(policy.userWindow()))).query(Integer.class).single();
        boolean was = guardedUntil(username).isPresent();
        if (failures < policy.userAlarmAt()) {
            return new UserCount(failures, was, false);
        }
        jdbc.sql("update accounts_sign_in_guard set locked_until = ?, locks = locks + 1 where username = ? and source = ?")
                .params(Timestamp.from(now.plus(policy.userWindow())), key, ALL_SOURCES).update();
        return new UserCount(failures, true, !was);
    }

    /** A username's failures in the window, whether it is guarded, and whether this failure started the guard. */
    private record UserCount(int failures, boolean guarded, boolean startedNow) {
    }

    /** The window in which failures of a username are counted to guard it. */
    public Duration userWindow() {
        return policy.userWindow();
    }

    /** The administrator lifts every lock and count of a username. */
    @Transactional
    public void unlock(String username) {
        jdbc.sql("delete from accounts_sign_in_guard where username = ?").param(key(username)).update();
    }

    /** Whether some source is locked out of this username now (shown to administrators). */
    @Transactional(readOnly = true)
    public boolean isLockedSomewhere(String username) {
        return jdbc.sql("""
                select exists (select 1 from accounts_sign_in_guard
                where username = ? and source <> ? and locked_until > ?)""")
                .params(key(username), ALL_SOURCES, Timestamp.from(Instant.now())).query(Boolean.class).single();
    }

    /** Which of these usernames some source is locked out of now (one query, for a list page). */
    @Transactional(readOnly = true)
    public Set<String> lockedAmong(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select distinct substring(username from 2) from accounts_sign_in_guard
                where username in (:keys) and source <> :all and locked_until > :now""")
                .param("keys", usernames.stream().map(SignInGuard::key).toList()).param("all", ALL_SOURCES)
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
        jdbc.sql("delete from accounts_sign_in_source where last_success_at < ?")
                .param(Timestamp.from(Instant.now().minus(policy.knownSourceFor()))).update();
        return jdbc.sql("""
                delete from accounts_sign_in_guard
                where last_failure_at < :before and (locked_until is null or locked_until < :now)""")
                .param("before", before).param("now", Timestamp.from(Instant.now())).update();
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
        return SourceAddress.clean(address);
    }
}
