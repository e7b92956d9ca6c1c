package it.ricolloca.audit.internal;

import it.ricolloca.shared.progress.Progress;
import it.ricolloca.audit.AuditRecord;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.audit.AuditVerification;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditTrail implements AuditTrail {

    /** Serialises appends across every node: the chain needs one predecessor per entry. */
    private static final long CHAIN_LOCK = 0x52_49_43_4F_4C_4CL;
    static final String SYSTEM = "sistema";
    private static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void record(String action, String recordType, Object recordId, String details) {
        recordAs(currentActor(), action, recordType, recordId, details);
    }

    @Override
    @Transactional
    public void recordAs(String actor, String action, String recordType, Object recordId, String details) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
        String prev = jdbc.sql("select hash from audit_entry order by id desc limit 1")
                .query(String.class).optional().orElse(AuditHash.GENESIS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String type = recordType == null ? "" : recordType;
        String id = recordId == null ? "" : String.valueOf(recordId);
        String text = details == null ? "" : details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
        String who = actor == null || actor.isBlank() ? SYSTEM : truncate(actor, 100);
        String hash = AuditHash.of(prev, now, who, action, type, id, text);
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor, action, record_type, record_id, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(now), who, action, type, id, text, prev, hash)
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> history(String recordType, Object recordId, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, details from audit_entry
                where record_type = ? and record_id = ? order by id desc limit ?""")
                .params(recordType, String.valueOf(recordId), limit)
                .query((rs, n) -> new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        return verify(Progress.NONE);
    }

    /** Verifies the chain, reporting the entries checked to {@code progress} (ADR 0028). */
    @Transactional(readOnly = true)
    public AuditVerification verify(Progress progress) {
        progress.total(jdbc.sql("select count(*) from audit_entry").query(Long.class).single());
        AtomicReference<String> expectedPrev = new AtomicReference<>(AuditHash.GENESIS);
        AtomicLong checked = new AtomicLong();
        AtomicReference<Long> broken = new AtomicReference<>();
        jdbc.sql("select id, occurred_at, actor, action, record_type, record_id, details, prev_hash, hash from audit_entry order by id")
                .withFetchSize(1000)
                .query((rs, n) -> new AuditEntryRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .stream()
                .takeWhile(row -> broken.get() == null)
                .forEach(row -> {
                    progress.done(checked.incrementAndGet());
                    String recomputed = AuditHash.of(row.prevHash(), row.occurredAt(), row.actor(), row.action(),
                            row.recordType(), row.recordId(), row.details());
                    if (!row.prevHash().equals(expectedPrev.get()) || !recomputed.equals(row.hash())) {
                        broken.set(row.id());
                    }
                    expectedPrev.set(row.hash());
                });
        return new AuditVerification(checked.get(), broken.get());
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return SYSTEM;
        }
        return auth.getName();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
