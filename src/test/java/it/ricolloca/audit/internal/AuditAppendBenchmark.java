package it.ricolloca.audit.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audited writes per second: an append to the hash chain (advisory lock, read of the last hash,
 * SHA-256, insert) against its physical limit on the same server, a plain INSERT of the same row
 * in its own transaction. Run with {@code mvn -Pbench test}; prints figures, asserts nothing.
 */
class AuditAppendBenchmark {

    private static final int WARMUP = 500;
    private static final int ROWS = 4000;

    @Test
    void auditAppendAgainstPlainInsert() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                HikariDataSource ds = pool(pg)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            jdbc.sql("""
                    create table bench_plain (id bigint generated always as identity primary key,
                    occurred_at timestamptz not null, actor varchar(100) not null, action varchar(60) not null,
                    record_type varchar(60) not null, record_id varchar(60) not null, details text not null,
                    prev_hash char(64) not null, hash char(64) not null)""").update();
            jdbc.sql("create index on bench_plain (actor)").update();
            jdbc.sql("create index on bench_plain (record_type, record_id)").update();
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            JdbcAuditTrail trail = new JdbcAuditTrail(jdbc);
            String hash = "a".repeat(64);

            Runnable append = () -> tx.executeWithoutResult(s -> trail.recordAs("bench", "BENCH", "Bench", 1,
                    "modifica di prova con qualche dettaglio"));
            Runnable plain = () -> tx.executeWithoutResult(s -> jdbc.sql("""
                    insert into bench_plain (occurred_at, actor, action, record_type, record_id, details, prev_hash, hash)
                    values (?, 'bench', 'BENCH', 'Bench', '1', 'modifica di prova con qualche dettaglio', ?, ?)""")
                    .params(Timestamp.from(Instant.now()), hash, hash).update());

            System.out.printf("%nAudit append vs. its limit (plain INSERT, one transaction per row), %d rows%n", ROWS);
            for (int threads : new int[] {1, 4}) {
                run(append, threads, WARMUP);
                run(plain, threads, WARMUP);
                double audited = run(append, threads, ROWS);
                double limit = run(plain, threads, ROWS);
                System.out.printf("  %d thread(s): audit append %,.0f rows/s | plain INSERT %,.0f rows/s | %.0f%% of the limit%n",
                        threads, audited, limit, 100 * audited / limit);
            }
            long t0 = System.nanoTime();
            String prev = AuditHash.GENESIS;
            for (int i = 0; i < 100_000; i++) {
                prev = AuditHash.of(prev, Instant.now(), "bench", "BENCH", "Bench", "1", "dettagli");
            }
            System.out.printf("  hash alone: %,.0f hashes/s%n", 100_000 / ((System.nanoTime() - t0) / 1e9));
            System.out.printf("  chain verification: %s over %,d entries%n", new AuditVerifierTimer(trail).time(), 
                    jdbc.sql("select count(*) from audit_entry").query(Long.class).single());
        }
    }

    private static double run(Runnable op, int threads, int rows) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(rows);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    op.run();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return rows / seconds;
    }

    private static HikariDataSource pool(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    /** Times one full verification of the chain. */
    private record AuditVerifierTimer(JdbcAuditTrail trail) {
        String time() {
            long t0 = System.nanoTime();
            var result = trail.verify();
            return String.format("%.0f ms (%s)", (System.nanoTime() - t0) / 1e6, result.intact() ? "intact" : "broken");
        }
    }
}
