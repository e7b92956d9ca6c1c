package it.ricolloca.shared.forms;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key}s of the API's POSTs (table {@code shared_idempotency_key}, shared by all
 * nodes): a key is claimed by its principal when its request arrives, completed with the answer of the
 * act, given back when nothing was done, and forgotten after {@code ricolloca.api.idempotency.keep-for}
 * (24 hours unless configured).
 */
@Component
public class IdempotencyKeys {

    /** A key already claimed: the request it was claimed for, and its answer once done. */
    record Claimed(String fingerprint, boolean done, Integer status, String contentType, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final Duration keepFor;

    IdempotencyKeys(JdbcClient jdbc, @Value("${ricolloca.api.idempotency.keep-for:PT24H}") Duration keepFor) {
        this.jdbc = jdbc;
        this.keepFor = keepFor;
    }

    /** True when this request is the first with the key (on any node): it may act. */
    boolean claim(String principal, String key, String fingerprint) {
        return jdbc.sql("insert into shared_idempotency_key (principal, idem_key, fingerprint, state) values (?, ?, ?, 'IN_FLIGHT')"
                + " on conflict do nothing").params(principal, key, fingerprint).update() == 1;
    }

    Optional<Claimed> find(String principal, String key) {
        return jdbc.sql("select fingerprint, state, status, content_type, body from shared_idempotency_key"
                + " where principal = ? and idem_key = ?").params(principal, key)
                .query((rs, n) -> new Claimed(rs.getString(1), "DONE".equals(rs.getString(2)),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    /** The act answered: its answer is replayed to every retry with the key. */
    void complete(String principal, String key, int status, String contentType, byte[] body) {
        jdbc.sql("update shared_idempotency_key set state = 'DONE', status = ?, content_type = ?, body = ?"
                + " where principal = ? and idem_key = ?").params(status, contentType, body, principal, key).update();
    }

    /** Nothing was done (refused, failed): the key may be used again. */
    void release(String principal, String key) {
        jdbc.sql("delete from shared_idempotency_key where principal = ? and idem_key = ?").params(principal, key).update();
    }

    /** Every hour, on one node. */
    @Scheduled(cron = "0 41 * * * *", zone = "Europe/Rome")
    @SchedulerLock(name = "idempotency-keys-forget", lockAtMostFor = "PT10M")
    public void hourly() {
        forgetOld();
    }

    /** Forgets the keys older than {@code ricolloca.api.idempotency.keep-for}; returns how many. */
    public int forgetOld() {
        return jdbc.sql("delete from shared_idempotency_key where created_at < ?")
                .param(Timestamp.from(Instant.now().minus(keepFor))).update();
    }
}
