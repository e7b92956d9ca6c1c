package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.ImportReport.Rejection;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.tabular.HeaderNames;
import it.ricolloca.shared.tabular.RowHandler;
import it.ricolloca.shared.tabular.StagingCopy;
import it.ricolloca.shared.tabular.TabularFiles;
import it.ricolloca.shared.tabular.UnreadableFileException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the ministerial list of requests as a dated snapshot. Rows are checked one by one
 * (codice fiscale, dates, status, CPI recognised by its name variants, duplicates) and every
 * rejected row is reported; the valid ones are written in one transaction through a staging
 * table filled by COPY, so the import is atomic and scales to millions of rows. The same file
 * for the same date is recognised by its hash and changes nothing.
 */
@Service
public class RequestListImporter {

    /** The list's columns; headers are recognised by these Italian names in any order. */
    public enum Column {
        TAX_CODE, REQUEST_DATE, STATUS, COMPETENT_CENTRE, PROVIDER_TYPE, PROVIDER_NAME, PROVIDER_OFFICE, STATUS_DATE
    }

    public static final HeaderNames<Column> HEADERS = new HeaderNames<>(new EnumMap<>(Map.of(
            Column.TAX_CODE, List.of("codice fiscale", "cf", "codice fiscale lavoratore", "cf lavoratore", "codicefiscale"),
            Column.REQUEST_DATE, List.of("data richiesta", "data della richiesta", "data domanda", "data presentazione"),
            Column.STATUS, List.of("stato richiesta", "stato", "stato della richiesta", "stato domanda", "esito"),
            Column.COMPETENT_CENTRE, List.of("cpi competente", "cpi", "centro per l'impiego competente",
                    "centro per l'impiego"),
            Column.PROVIDER_TYPE, List.of("tipo erogatore", "tipologia erogatore", "tipo soggetto erogatore"),
            Column.PROVIDER_NAME, List.of("soggetto erogatore", "erogatore", "nome erogatore", "denominazione erogatore"),
            Column.PROVIDER_OFFICE, List.of("sede erogatore", "sede", "sede operativa", "sede dell'erogatore"),
            Column.STATUS_DATE, List.of("data stato", "data dello stato", "data esito", "data aggiornamento"))));

    static final Set<Column> REQUIRED = EnumSet.of(Column.TAX_CODE, Column.REQUEST_DATE, Column.STATUS,
            Column.COMPETENT_CENTRE);
    private static final long IMPORT_LOCK = 0x52_45_51_49_4D_50L;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequestListImporter.class);

    /** A refused import request (not a refused file): a missing or future date, say. */
    public static class ImportRejectedException extends DomainException {
        ImportRejectedException(String key, Object... args) {
            super(key, args);
        }
    }

    record Row(int line, String taxCode, LocalDate birthDate, String sex, LocalDate requestDate, RequestStatus status,
            LocalDate statusDate, long centreId, String providerType, String providerName, String providerOffice) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final JobCentres centres;
    private final Workers workers;
    private final AuditTrail audit;
    private final Messages messages;

    RequestListImporter(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, JobCentres centres,
            Workers workers, AuditTrail audit, Messages messages) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.centres = centres;
        this.workers = workers;
        this.audit = audit;
        this.messages = messages;
    }

    public static boolean canImport(CurrentUser user) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE);
    }

    /** Told how far an import has gone: rows read so far, then that writing has started. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void rowsRead(int rows) {
        }

        default void writing() {
        }
    }

    public ImportReport importFile(CurrentUser actor, String fileName, byte[] content, LocalDate snapshotDate) {
        return importFile(actor, fileName, content, snapshotDate, Progress.NONE);
    }

    public ImportReport importFile(CurrentUser actor, String fileName, byte[] content, LocalDate snapshotDate,
            Progress progress) {
        if (!canImport(actor)) {
            throw new NotFoundException();
        }
        if (snapshotDate == null) {
            throw new ImportRejectedException("import.snapshotDate.missing");
        }
        if (snapshotDate.isAfter(Dates.today())) {
            throw new ImportRejectedException("import.snapshotDate.future");
        }
        String sha = StagingCopy.sha256(content == null ? new byte[0] : content);
        Optional<ImportReport> earlier = previous(sha, snapshotDate);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long t0 = System.nanoTime();
        Parsed parsed = parse(fileName, content, snapshotDate, progress);
        long t1 = System.nanoTime();
        progress.writing();
        String name = fileName == null || fileName.isBlank() ? "-" : fileName.strip();
        ImportReport result = tx.execute(status -> write(actor, name.length() > 255 ? name.substring(0, 255) : name,
                sha, snapshotDate, parsed));
        log.info("Importazione {}: {} righe, lettura e controlli {} ms, scrittura {} ms", result.importId(), parsed.read(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return result;
    }

    /** The file's rows, split into valid ones and rejected ones. */
    record Parsed(int read, List<Row> rows, List<Rejection> rejections) {
    }

    Parsed parse(String fileName, byte[] content, LocalDate snapshotDate, Progress progress) {
        List<Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Optional<CentreSummary>> recognised = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Optional<RequestStatus>> statuses = new HashMap<>();
        int[] read = {0};
        TabularFiles.read(fileName, content, new RowHandler() {
            private Map<Column, Integer> columns;

            @Override
            public void header(List<String> names) {
                columns = HEADERS.locate(names);
                List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c))
                        .map(c -> messages.t("import.column." + c.name())).toList();
                if (!missing.isEmpty()) {
                    throw new UnreadableFileException("import.header.missing", String.join(", ", missing));
                }
            }

            @Override
            public void row(int line, List<String> cells) {
                read[0]++;
                if (read[0] % 10_000 == 0) {
                    progress.rowsRead(read[0]);
                }
                String rawCf = cell(cells, Column.TAX_CODE);
                String problem = null;
                Row row = null;
                try {
                    Optional<CodiceFiscale.Problem> cfProblem = CodiceFiscale.check(rawCf);
                    if (cfProblem.isPresent()) {
                        problem = messages.t("import.reject.taxCode", messages.t(cfProblem.get().messageKey(),
                                cfProblem.get().args()));
                    } else {
                        row = toRow(line, CodiceFiscale.of(rawCf), cells, snapshotDate, recognised);
                        String key = row.taxCode() + "|" + row.requestDate();
                        Integer first = seen.putIfAbsent(key, line);
                        if (first != null) {
                            problem = messages.t("import.reject.duplicate", first);
                            row = null;
                        }
                    }
                } catch (RowProblem e) {
                    problem = e.getMessage();
                }
                if (row != null) {
                    rows.add(row);
                } else {
                    String shown = rawCf.length() > 40 ? rawCf.substring(0, 40) : rawCf;
                    rejections.add(new Rejection(line, shown, problem));
                }
            }

            private String cell(List<String> cells, Column column) {
                Integer i = columns.get(column);
                return i == null || i >= cells.size() ? "" : cells.get(i);
            }

            private Row toRow(int line, CodiceFiscale cf, List<String> cells, LocalDate snapshot,
                    Map<String, Optional<CentreSummary>> cache) {
                LocalDate requestDate = date(cell(cells, Column.REQUEST_DATE), "import.reject.requestDate", true);
                String statusText = cell(cells, Column.STATUS);
                RequestStatus status = statuses.computeIfAbsent(statusText, RequestStatus::fromList)
                        .orElseThrow(() -> new RowProblem(messages.t("import.reject.status", statusText)));
                String centreText = cell(cells, Column.COMPETENT_CENTRE);
                CentreSummary centre = cache.computeIfAbsent(centreText, centres::recognise)
                        .orElseThrow(() -> new RowProblem(messages.t("import.reject.centre", centreText)));
                LocalDate statusDate = date(cell(cells, Column.STATUS_DATE), "import.reject.statusDate", false);
                String providerType = providerType(cell(cells, Column.PROVIDER_TYPE));
                String providerName = limited(cell(cells, Column.PROVIDER_NAME), "import.column.PROVIDER_NAME");
                String providerOffice = limited(cell(cells, Column.PROVIDER_OFFICE), "import.column.PROVIDER_OFFICE");
                return new Row(line, cf.value(), cf.birthDate(), cf.sex().name(), requestDate, status,
                        statusDate == null ? snapshot : statusDate, centre.id(), providerType, providerName, providerOffice);
            }

            private LocalDate date(String text, String key, boolean required) {
                if (text.isBlank()) {
                    if (required) {
                        throw new RowProblem(messages.t(key, ""));
                    }
                    return null;
                }
                try {
                    LocalDate d = TabularFiles.parseDate(text);
                    if (d.isAfter(snapshotDate) || d.getYear() < 2000) {
                        throw new RowProblem(messages.t(key, text));
                    }
                    return d;
                } catch (IllegalArgumentException e) {
                    throw new RowProblem(messages.t(key, text));
                }
            }

            private String providerType(String text) {
                String k = HeaderNames.key(text);
                if (k.isEmpty()) {
                    return null;
                }
                if (k.equals("cpi") || k.startsWith("centroperlimpiego") || k.equals("pubblico")) {
                    return "CPI";
                }
                if (k.equals("privato") || k.equals("apl") || k.startsWith("agenzia") || k.equals("privata")) {
                    return "PRIVATE";
                }
                throw new RowProblem(messages.t("import.reject.providerType", text));
            }

            private String limited(String text, String columnKey) {
                if (text.length() > 200) {
                    throw new RowProblem(messages.t("import.reject.tooLong", messages.t(columnKey)));
                }
                return text.isEmpty() ? null : text;
            }
        });
        if (read[0] == 0) {
            throw new UnreadableFileException("import.file.noRows");
        }
        return new Parsed(read[0], rows, rejections);
    }

    private ImportReport write(CurrentUser actor, String fileName, String sha, LocalDate snapshotDate, Parsed parsed) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query(Object.class).single();
        Optional<ImportReport> raced = previous(sha, snapshotDate);
        if (raced.isPresent()) {
            return raced.get();
        }
        long importId = jdbc.sql("""
                insert into requests_import (snapshot_date, file_name, file_sha256, imported_by, imported_at, rows_read,
                    created, updated, unchanged, rejected, workers_created)
                values (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0) returning id""")
                .params(snapshotDate, fileName, sha, actor.username(), Timestamp.from(Instant.now()), parsed.read(),
                        parsed.rejections().size())
                .query(Long.class).single();
        jdbc.sql("""
                create temp table staging_requests (tax_code varchar(16), birth_date date, sex varchar(1),
                    request_date date, status varchar(30), status_date date, centre_id bigint, provider_type varchar(10),
                    provider_name varchar(200), provider_office varchar(200)) on commit drop""").update();
        copy(parsed.rows());
        // A temporary table has no statistics until analysed: without them the planner picks nested loops.
        jdbc.sql("analyze staging_requests").update();
        jdbc.sql("set local work_mem = '128MB'").update();
        long tCopy = System.nanoTime();
        int workersCreated = workers.createMissingFrom("staging_requests", "importazione elenco ministeriale n. " + importId);
        long tWorkers = System.nanoTime();
        int[] counts = jdbc.sql("""
                with up as (
                    insert into requests_voucher_request as r (worker_id, request_date, status, status_date,
                        competent_centre_id, provider_type, provider_name, provider_office, last_import_id)
                    select w.id, s.request_date, s.status, s.status_date, s.centre_id, s.provider_type, s.provider_name,
                        s.provider_office, :import
                    from staging_requests s join workers_worker w on w.tax_code = s.tax_code
                    on conflict (worker_id, request_date) do update set status = excluded.status,
                        status_date = excluded.status_date, competent_centre_id = excluded.competent_centre_id,
                        provider_type = excluded.provider_type, provider_name = excluded.provider_name,
                        provider_office = excluded.provider_office, last_import_id = excluded.last_import_id,
                        version = r.version + 1
                    where excluded.status_date >= r.status_date
                      and r.status not in ('REJECTED', 'WITHDRAWN')
                      and not (r.status = 'UNDER_REVIEW' and excluded.status = 'REQUESTED')
                      and (r.status, r.competent_centre_id, r.provider_type, r.provider_name, r.provider_office)
                          is distinct from (excluded.status, excluded.competent_centre_id,
                          excluded.provider_type, excluded.provider_name, excluded.provider_office)
                    returning (xmax = 0) as inserted)
                select count(*) filter (where inserted), count(*) filter (where not inserted) from up""")
                .param("import", importId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        long tRequests = System.nanoTime();
        // The upsert may have grown the tables a lot in this transaction: fresh statistics keep the
        // snapshot's join on the (worker, request date) index instead of a nested loop of scans.
        if (counts[0] + workersCreated > 1000) {
            jdbc.sql("analyze workers_worker").update();
            jdbc.sql("analyze requests_voucher_request").update();
        }
        jdbc.sql("""
                insert into requests_snapshot_entry (import_id, request_id, status, status_date, competent_centre_id)
                select :import, r.id, s.status, s.status_date, s.centre_id
                from staging_requests s join workers_worker w on w.tax_code = s.tax_code
                join requests_voucher_request r on r.worker_id = w.id and r.request_date = s.request_date""")
                .param("import", importId).update();
        log.debug("Importazione {}: lavoratori {} ms, richieste {} ms, istantanea {} ms", importId,
                (tWorkers - tCopy) / 1_000_000, (tRequests - tWorkers) / 1_000_000, (System.nanoTime() - tRequests) / 1_000_000);
        for (Rejection r : parsed.rejections()) {
            jdbc.sql("insert into requests_import_rejection (import_id, line, tax_code, reason) values (?, ?, ?, ?)")
                    .params(importId, r.line(), r.taxCode(), r.reason().length() > 500 ? r.reason().substring(0, 500)
                            : r.reason())
                    .update();
        }
        int created = counts[0];
        int updated = counts[1];
        int unchanged = parsed.rows().size() - created - updated;
        jdbc.sql("update requests_import set created = ?, updated = ?, unchanged = ?, workers_created = ? where id = ?")
                .params(created, updated, unchanged, workersCreated, importId).update();
        audit.record("REQUESTS_IMPORTED", "RequestImport", importId, "istantanea del " + Dates.format(snapshotDate)
                + ", file " + fileName + ": lette " + parsed.read() + ", nuove " + created + ", aggiornate " + updated
                + ", invariate " + unchanged + ", scartate " + parsed.rejections().size());
        return new ImportReport(importId, false, snapshotDate, parsed.read(), created, updated, unchanged,
                parsed.rejections().size(), workersCreated, parsed.rejections());
    }

    /** Streams the valid rows into the staging table with COPY, on the transaction's own connection. */
    private void copy(List<Row> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 96);
        for (Row r : rows) {
            StagingCopy.line(text, r.taxCode(), r.birthDate(), r.sex(), r.requestDate(), r.status().name(), r.statusDate(),
                    r.centreId(), r.providerType(), r.providerName(), r.providerOffice());
        }
        StagingCopy.copyIn(dataSource, "staging_requests", text);
    }

    private Optional<ImportReport> previous(String sha, LocalDate snapshotDate) {
        return jdbc.sql("""
                select id, rows_read from requests_import where file_sha256 = ? and snapshot_date = ?""")
                .params(sha, snapshotDate)
                .query((rs, n) -> new ImportReport(rs.getLong(1), true, snapshotDate, rs.getInt(2), 0, 0, rs.getInt(2), 0,
                        0, List.of()))
                .optional();
    }

    /** One row's problem, already in Italian. */
    static final class RowProblem extends RuntimeException {
        RowProblem(String message) {
            super(message, null, false, false);
        }
    }

}
