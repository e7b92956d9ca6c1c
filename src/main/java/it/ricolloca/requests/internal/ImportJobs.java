package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.progress.Progress;
import it.ricolloca.shared.progress.ProgressBoard;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.ImportWork;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Large imports run in the background. Their progress lives in the database, so whichever node
 * a user's next request reaches can show it. Each node beats in {@code requests_node}; a job
 * whose node stopped beating (killed, crashed), or that reported nothing for ten minutes, is over
 * and shown as failed: its transaction rolled back, nothing was written, and the file can be
 * imported again at once.
 */
@Service
public class ImportJobs {

    /** Where a background import stands. */
    public enum Phase {
        READING, WRITING, DONE, FAILED
    }

    /** A job as the progress page shows it. */
    public record Job(UUID id, String fileName, LocalDate snapshotDate, Phase phase, int rowsRead, Long importId,
            String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration STALE = Duration.ofMinutes(10);

    private final RequestListImporter importer;
    private final TabularReader reader;
    private final TransactionTemplate progressTx;
    private final JdbcClient jdbc;
    private final Executor executor;
    private final Messages messages;
    private final UUID node = UUID.randomUUID();
    private final Duration silentAfter;
    private final ProgressBoard progressBoard;

    ImportJobs(RequestListImporter importer, TabularReader reader, JdbcClient jdbc, Messages messages,
            PlatformTransactionManager transactions, ProgressBoard progressBoard,
            @Value("${ricolloca.imports.node-silent-after:PT1M}")
            Duration silentAfter) {
        this.progressBoard = progressBoard;
        this.importer = importer;
        this.reader = reader;
        this.progressTx = new TransactionTemplate(transactions);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.messages = messages;
        this.silentAfter = silentAfter;
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "importazioni");
            t.setDaemon(true);
            return t;
        });
    }

    /** This node is alive: every node beats, whatever ShedLock decides for the other jobs. */
    @Scheduled(fixedRateString = "${ricolloca.imports.heartbeat-every:PT10S}")
    public void beat() {
        jdbc.sql("insert into requests_node (id, last_seen) values (?, now()) on conflict (id) do update set last_seen = now()")
                .param(node).update();
    }

    /** Starts a background import of the content (tests, benchmarks): see {@link #start(CurrentUser, TabularSource, LocalDate)}. */
    public UUID start(CurrentUser actor, String fileName, byte[] content, LocalDate snapshotDate) {
        return start(actor, TabularSource.of(fileName, content), snapshotDate);
    }

    /**
     * Starts a background import of the spooled file, which the job owns from now on and deletes when done.
     * Jobs wait in this node's queue for an import permit; their file waits on disk, not in memory.
     */
    public UUID start(CurrentUser actor, TabularSource source, LocalDate snapshotDate) {
        try {
            return enqueue(actor, source, snapshotDate);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private UUID enqueue(CurrentUser actor, TabularSource source, LocalDate snapshotDate) {
        if (!RequestListImporter.canImport(actor)) {
            throw new NotFoundException();
        }
        UUID id = UUID.randomUUID();
        String fileName = source.fileName();
        String name = fileName == null || fileName.isBlank() ? "-" : fileName.strip();
        Timestamp now = Timestamp.from(Instant.now());
        // A job whose node stopped beating or reporting is over: it must not block the next import of its date.
        beat();
        jdbc.sql("update requests_import_job j set phase = 'FAILED', error = ?, updated_at = now()"
                + " where phase in ('READING', 'WRITING') and (" + SILENT + ")")
                .params(messages.t("import.job.stale"), Timestamp.from(Instant.now().minus(STALE)),
                        Timestamp.from(Instant.now().minus(silentAfter))).update();
        try {
            jdbc.sql("""
                    insert into requests_import_job (id, started_by, started_at, updated_at, file_name, snapshot_date, phase,
                        node_id) values (?, ?, ?, ?, ?, ?, 'READING', ?)""")
                    .params(id, actor.username(), now, now, name.length() > 255 ? name.substring(0, 255) : name,
                            snapshotDate, node)
                    .update();
        } catch (DuplicateKeyException e) {
            // The partial unique index: another import of this date is running, on this node or another.
            Running running = jdbc.sql("""
                    select started_by, file_name from requests_import_job
                    where snapshot_date = ? and phase in ('READING', 'WRITING')""").param(snapshotDate)
                    .query((rs, n) -> new Running(rs.getString(1), rs.getString(2))).optional()
                    .orElse(new Running("-", "-"));
            throw new RequestListImporter.ImportRejectedException("import.job.running", running.startedBy(),
                    running.fileName(), Dates.format(snapshotDate));
        }
        executor.execute(new DelegatingSecurityContextRunnable(() -> run(id, actor, source, snapshotDate)));
        return id;
    }

    private void run(UUID id, CurrentUser actor, TabularSource source, LocalDate snapshotDate) {
        Progress rows = progressBoard.track(id.toString(), "requests");
        try (source; ImportWork work = reader.beginWhenFree()) {
            ImportReport report = importer.importFile(actor, source, snapshotDate,
                    new RequestListImporter.Progress() {
                        @Override
                        public Progress rows() {
                            return rows;
                        }

                        @Override
                        public void rowsRead(int rows) {
                            update(id, Phase.READING, rows);
                        }

                        @Override
                        public void writing() {
                            update(id, Phase.WRITING, -1);
                        }
                    }, work);
            rows.finish();
            jdbc.sql("update requests_import_job set phase = 'DONE', rows_read = ?, import_id = ?, updated_at = now() where id = ?")
                    .params(report.read(), report.importId(), id).update();
        } catch (DomainException e) {
            fail(id, messages.t(e.messageKey(), e.args()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(id, messages.t("import.job.failed"));
        } catch (RuntimeException e) {
            log.error("Importazione {} non riuscita", id, e);
            fail(id, messages.t("import.job.failed"));
        }
    }

    /**
     * Reports progress in a transaction of its own: the import reads and writes inside its transaction, and the
     * progress must reach the other nodes while it runs, not at its commit.
     */
    private void update(UUID id, Phase phase, int rows) {
        progressTx.executeWithoutResult(status -> report(id, phase, rows));
    }

    private void report(UUID id, Phase phase, int rows) {
        if (rows >= 0) {
            jdbc.sql("update requests_import_job set phase = ?, rows_read = ?, updated_at = now() where id = ?")
                    .params(phase.name(), rows, id).update();
        } else {
            jdbc.sql("update requests_import_job set phase = ?, updated_at = now() where id = ?")
                    .params(phase.name(), id).update();
        }
    }

    private void fail(UUID id, String message) {
        try {
            jdbc.sql("update requests_import_job set phase = 'FAILED', error = ?, updated_at = now() where id = ?")
                    .params(message.length() > 1000 ? message.substring(0, 1000) : message, id).update();
        } catch (RuntimeException e) {
            // The node is going down (or the database is out of reach): the other nodes will see this job's
            // node silent and show it as failed; nothing of the import was written.
            log.warn("Importazione {}: stato non registrato ({})", id, e.getMessage());
        }
    }

    private record Running(String startedBy, String fileName) {
    }

    /** A running job is silent when it reported nothing for ten minutes or its node stopped beating. */
    private static final String SILENT = " j.updated_at < ? or j.node_id is not null and not exists (select 1 from"
            + " requests_node n where n.id = j.node_id and n.last_seen >= ?)";

    public Job get(UUID id) {
        return jdbc.sql("""
                select j.id, j.file_name, j.snapshot_date, j.phase, j.rows_read, j.import_id, j.error,
                    j.phase in ('READING', 'WRITING') and (""" + SILENT + """
                ) from requests_import_job j where j.id = ?""")
                .params(Timestamp.from(Instant.now().minus(STALE)), Timestamp.from(Instant.now().minus(silentAfter)), id)
                .query((rs, n) -> {
                    Phase phase = Phase.valueOf(rs.getString(4));
                    String error = rs.getString(7);
                    if (rs.getBoolean(8)) {
                        phase = Phase.FAILED;
                        error = messages.t("import.job.stale");
                    }
                    long importId = rs.getLong(6);
                    return new Job(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), phase, rs.getInt(5),
                            rs.wasNull() ? null : importId, error);
                })
                .optional().orElseThrow(NotFoundException::new);
    }
}
