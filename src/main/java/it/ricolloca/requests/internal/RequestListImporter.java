package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.TermRules;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.requests.VoucherRequestsImported;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.tabular.HeaderNames;
import it.ricolloca.shared.tabular.ImportReport.Rejection;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.ImportWork;
import it.ricolloca.shared.tabular.RowHandler;
import it.ricolloca.shared.tabular.StagingCopy;
import it.ricolloca.shared.tabular.TabularFiles;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.tabular.UnreadableFileException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private static final int NOTICE_BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(RequestListImporter.class);

    /** A refused import request (not a refused file): a missing or future date, say. */
    public static class ImportRejectedException extends DomainException {
        ImportRejectedException(String key, Object... args) {
            super(key, args);
        }
    }

    /** A valid row as it goes to the staging table. */
    record Row(int line, String taxCode, LocalDate birthDate, String sex, LocalDate requestDate, RequestStatus status,
            LocalDate statusDate, long centreId, String providerType, String providerName, String providerOffice,
            Long providerOfficeId, LocalDate listedStatusDate) {
    }

    /**
     * How long the last import of this node spent in each phase, in milliseconds (for the benchmark and
     * the log): reading, checking and copying the rows; duplicates and statistics; workers (stubs and
     * identification); requests (updated, created, notice terms); snapshot entries.
     */
    public record Phases(long readMs, long duplicatesMs, long workersMs, long requestsMs, long namesMs, long snapshotMs) {
    }

    private volatile Phases lastPhases;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final JobCentres centres;
    private final Workers workers;
    private final AuditTrail audit;
    private final Messages messages;
    private final TabularReader reader;
    private final RequestTerms terms;
    private final JdbcTemplate jdbcTemplate;
    private final RequestPeople people;

    RequestListImporter(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, JobCentres centres,
            Workers workers, AuditTrail audit, Messages messages, TabularReader reader, ApplicationEventPublisher events,
            RequestTerms terms, JdbcTemplate jdbcTemplate, RequestPeople people) {
        this.people = people;
        this.terms = terms;
        this.jdbcTemplate = jdbcTemplate;
        this.reader = reader;
        this.jdbc = jdbc;
        this.events = events;
        this.dataSource = dataSource;
        this.tx = tx;
        this.centres = centres;
        this.workers = workers;
        this.audit = audit;
        this.messages = messages;
    }

    /** The phases of the last import written on this node, if any. */
    public Optional<Phases> lastPhases() {
        return Optional.ofNullable(lastPhases);
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

        /** Where the rows read are reported with their total and percentage (ADR 0028); none by default. */
        default it.ricolloca.shared.progress.Progress rows() {
            return it.ricolloca.shared.progress.Progress.NONE;
        }
    }

    public ImportReport importFile(CurrentUser actor, String fileName, byte[] content, LocalDate snapshotDate) {
        try (TabularSource source = TabularSource.of(fileName, content)) {
            return importFile(actor, source, snapshotDate, Progress.NONE);
        }
    }

    /** Imports the file on this node, within its import permits and memory budget (refused when busy). */
    public ImportReport importFile(CurrentUser actor, TabularSource source, LocalDate snapshotDate, Progress progress) {
        check(actor, snapshotDate);
        Optional<ImportReport> earlier = previous(source.sha256(), snapshotDate);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try (ImportWork work = reader.begin()) {
            return importFile(actor, source, snapshotDate, progress, work);
        }
    }

    /** Imports the file within work already begun (a background job that waited for its permit). */
    public ImportReport importFile(CurrentUser actor, TabularSource source, LocalDate snapshotDate, Progress progress,
            ImportWork work) {
        check(actor, snapshotDate);
        String name = source.fileName().isBlank() ? "-" : source.fileName().strip();
        String fileName = name.length() > 255 ? name.substring(0, 255) : name;
        long t0 = System.nanoTime();
        ImportReport result = tx.execute(status -> write(actor, fileName, source, snapshotDate, progress, work));
        log.info("Importazione {}: {} righe in {} ms", result.importId(), result.read(), (System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    private static void check(CurrentUser actor, LocalDate snapshotDate) {
        if (!canImport(actor)) {
            throw new NotFoundException();
        }
        if (snapshotDate == null) {
            throw new ImportRejectedException("import.snapshotDate.missing");
        }
        if (snapshotDate.isAfter(Dates.today())) {
            throw new ImportRejectedException("import.snapshotDate.future");
        }
    }

    /**
     * Checks the file's rows one by one as they are read and writes them away in batches, never holding the
     * file: valid rows by COPY into the staging table, rejected ones by COPY into the import's rejections
     * (the first {@code maxRejectionsListed} also kept for the report). Duplicates (the same worker and
     * request date on two lines) are found in the staging table once the file is read.
     */
    final class StreamingRows implements RowHandler {

        static final int BATCH = 20_000;

        private final long importId;
        private final LocalDate snapshotDate;
        private final Progress progress;
        private final Function<String, Optional<CentreSummary>> recognise = cached(centres.recogniser());
        /** The list's statuses, provider types and office names: a handful of texts, a million times over. */
        private final Function<String, Optional<RequestStatus>> statuses = cached(RequestStatus::fromList);
        private final Function<String, String> keys = cached(HeaderNames::key);
        /** A list writes a few hundred distinct dates a million times: each text is parsed and checked once. */
        private final Map<String, LocalDate> validDates = new HashMap<>();
        private final Map<Long, List<OfficeSummary>> offices = centres.offices().stream()
                .collect(Collectors.groupingBy(OfficeSummary::centreId));
        private final StringBuilder valid = new StringBuilder();
        private final StringBuilder rejected = new StringBuilder();
        private final List<Rejection> listed = new ArrayList<>();
        private final int maxListed;
        private Map<Column, Integer> columns;
        private int read;
        private int validRows;
        private int validPending;
        private int rejectedRows;
        private int rejectedPending;

        StreamingRows(long importId, LocalDate snapshotDate, Progress progress, int maxListed) {
            this.importId = importId;
            this.snapshotDate = snapshotDate;
            this.progress = progress;
            this.maxListed = maxListed;
        }

        @Override
        public boolean keepsRows() {
            return false;
        }

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
            read++;
            if (read % 10_000 == 0) {
                progress.rowsRead(read);
            }
            String rawCf = cell(cells, Column.TAX_CODE);
            try {
                CodiceFiscale.Checked cf = CodiceFiscale.checked(rawCf);
                if (cf.problem() != null) {
                    reject(line, rawCf, messages.t("import.reject.taxCode", messages.t(cf.problem().messageKey(),
                            cf.problem().args())));
                    return;
                }
                Row r = toRow(line, cf.code(), cells);
                StagingCopy.line(valid, r.line(), r.taxCode(), r.birthDate(), r.sex(), r.requestDate(), r.status().name(),
                        r.statusDate(), r.centreId(), r.providerType(), r.providerName(), r.providerOffice(),
                        r.providerOfficeId(), r.listedStatusDate(), null);
                validRows++;
                if (++validPending >= BATCH) {
                    flushValid();
                }
            } catch (RowProblem e) {
                reject(line, rawCf, e.getMessage());
            }
        }

        void reject(int line, String rawCf, String reason) {
            String shown = rawCf.length() > 40 ? rawCf.substring(0, 40) : rawCf;
            String why = reason.length() > 500 ? reason.substring(0, 500) : reason;
            rejectedRows++;
            if (listed.size() < maxListed) {
                listed.add(new Rejection(line, shown, why));
            }
            StagingCopy.line(rejected, importId, line, shown, why);
            if (++rejectedPending >= BATCH) {
                flushRejected();
            }
        }

        void flush() {
            flushValid();
            flushRejected();
        }

        private void flushValid() {
            if (validPending > 0) {
                StagingCopy.copyIn(dataSource, "staging_requests", valid);
                valid.setLength(0);
                validPending = 0;
            }
        }

        private void flushRejected() {
            if (rejectedPending > 0) {
                StagingCopy.copyIn(dataSource, "requests_import_rejection", rejected);
                rejected.setLength(0);
                rejectedPending = 0;
            }
        }

        private String cell(List<String> cells, Column column) {
            Integer i = columns.get(column);
            return i == null || i >= cells.size() ? "" : cells.get(i);
        }

        private Row toRow(int line, CodiceFiscale cf, List<String> cells) {
            LocalDate requestDate = date(cell(cells, Column.REQUEST_DATE), "import.reject.requestDate", true);
            String statusText = cell(cells, Column.STATUS);
            RequestStatus status = statuses.apply(statusText)
                    .orElseThrow(() -> new RowProblem(messages.t("import.reject.status", limitedText(statusText))));
            String centreText = cell(cells, Column.COMPETENT_CENTRE);
            CentreSummary centre = recognise.apply(centreText)
                    .orElseThrow(() -> new RowProblem(messages.t("import.reject.centre", limitedText(centreText))));
            LocalDate statusDate = date(cell(cells, Column.STATUS_DATE), "import.reject.statusDate", false);
            String providerType = providerType(cell(cells, Column.PROVIDER_TYPE));
            String providerName = limited(cell(cells, Column.PROVIDER_NAME), "import.column.PROVIDER_NAME");
            String providerOffice = limited(cell(cells, Column.PROVIDER_OFFICE), "import.column.PROVIDER_OFFICE");
            return new Row(line, cf.value(), cf.birthDate(), cf.sex().name(), requestDate, status,
                    statusDate == null ? snapshotDate : statusDate, centre.id(), providerType, providerName, providerOffice,
                    providerOfficeId(providerType, providerName, providerOffice), statusDate);
        }

        /**
         * The CPI office a CPI provider names: the office of that name at the CPI the provider's name recognises,
         * or the CPI's only office; none when the list does not say enough (the request then waits in no queue).
         */
        private Long providerOfficeId(String providerType, String providerName, String providerOffice) {
            if (!"CPI".equals(providerType) || providerName == null) {
                return null;
            }
            List<OfficeSummary> atCentre = recognise.apply(providerName).map(c -> offices.getOrDefault(c.id(), List.of()))
                    .orElse(List.of());
            Long only = atCentre.size() == 1 ? atCentre.get(0).id() : null;
            if (providerOffice == null) {
                return only;
            }
            String key = keys.apply(providerOffice);
            return atCentre.stream().filter(o -> keys.apply(o.name()).equals(key)).map(OfficeSummary::id).findFirst()
                    .orElse(only);
        }

        private LocalDate date(String text, String key, boolean required) {
            if (text.isBlank()) {
                if (required) {
                    throw new RowProblem(messages.t(key, ""));
                }
                return null;
            }
            LocalDate known = validDates.get(text);
            if (known != null) {
                return known;
            }
            try {
                LocalDate d = TabularFiles.parseDate(text);
                if (d.isAfter(snapshotDate) || d.getYear() < 2000) {
                    throw new RowProblem(messages.t(key, limitedText(text)));
                }
                if (validDates.size() < CACHED) {
                    validDates.put(text, d);
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new RowProblem(messages.t(key, limitedText(text)));
            }
        }

        private String providerType(String text) {
            String k = keys.apply(text);
            if (k.isEmpty()) {
                return null;
            }
            if (k.equals("cpi") || k.startsWith("centroperlimpiego") || k.equals("pubblico")) {
                return "CPI";
            }
            if (k.equals("privato") || k.equals("apl") || k.startsWith("agenzia") || k.equals("privata")) {
                return "PRIVATE";
            }
            throw new RowProblem(messages.t("import.reject.providerType", limitedText(text)));
        }

        private String limited(String text, String columnKey) {
            if (text.length() > 200) {
                throw new RowProblem(messages.t("import.reject.tooLong", messages.t(columnKey)));
            }
            return text.isEmpty() ? null : text;
        }
    }

    /** How many distinct cell texts a streaming import remembers the meaning of (CPI names, dates, statuses). */
    static final int CACHED = 4_096;

    /**
     * The reading of a cell's text (never null) remembering its answers for the first {@link #CACHED} distinct
     * texts: a list names its few hundred CPIs, its statuses and its provider types in a handful of ways, a million
     * times over, and each text's folded key (Unicode normalisation and two regular expressions, about a sixth of
     * the reading's time in a profile when computed per row) is computed once.
     */
    static <T> Function<String, T> cached(Function<String, T> reading) {
        Map<String, T> known = new HashMap<>();
        return text -> {
            T found = known.get(text);
            if (found == null) {
                found = reading.apply(text);
                if (known.size() < CACHED) {
                    known.put(text, found);
                }
            }
            return found;
        };
    }

    /** A cell quoted in a rejection's reason: at most 60 characters of it. */
    private static String limitedText(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private ImportReport write(CurrentUser actor, String fileName, TabularSource source, LocalDate snapshotDate,
            Progress progress, ImportWork work) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query(Object.class).single();
        Optional<ImportReport> raced = previous(source.sha256(), snapshotDate);
        if (raced.isPresent()) {
            return raced.get();
        }
        long importId = jdbc.sql("""
                insert into requests_import (snapshot_date, file_name, file_sha256, imported_by, imported_at, rows_read,
                    created, updated, unchanged, rejected, workers_created)
                values (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0) returning id""")
                .params(snapshotDate, fileName, source.sha256(), actor.username(), Timestamp.from(Instant.now()))
                .query(Long.class).single();
        jdbc.sql("""
                create temp table staging_requests (line int, tax_code varchar(16), birth_date date, sex varchar(1),
                    request_date date, status varchar(30), status_date date, centre_id bigint, provider_type varchar(10),
                    provider_name varchar(200), provider_office varchar(200), provider_office_id bigint,
                    listed_status_date date, worker_id bigint) on commit drop""").update();
        StreamingRows rows = new StreamingRows(importId, snapshotDate, progress, reader.limits().maxRejectionsListed());
        long t0 = System.nanoTime();
        work.track(progress.rows());
        work.read(source, rows);
        rows.flush();
        if (rows.read == 0) {
            throw new UnreadableFileException("import.file.noRows");
        }
        progress.writing();
        long tRead = System.nanoTime();
        jdbc.sql("set local work_mem = '128MB'").update();
        // The same worker and request date twice: the first line counts, the others are rejected. Whether
        // there is any is one hashed pass; the lines are sorted out only when there are.
        boolean anyDuplicate = jdbc.sql("""
                select exists (select 1 from staging_requests group by tax_code, request_date having count(*) > 1)""")
                .query(Boolean.class).single();
        List<int[]> duplicates = !anyDuplicate ? List.of() : jdbc.sql("""
                select line, first from (select line, min(line) over (partition by tax_code, request_date) as first
                    from staging_requests) d where line <> first order by line""")
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).list();
        if (!duplicates.isEmpty()) {
            Map<Integer, String> codes = new HashMap<>();
            jdbc.sql("""
                    delete from staging_requests s using (select line, min(line) over (partition by tax_code,
                        request_date) as first from staging_requests) d
                    where s.line = d.line and d.line <> d.first returning s.line, s.tax_code""")
                    .query((rs, n) -> codes.put(rs.getInt(1), rs.getString(2))).list();
            for (int[] d : duplicates) {
                rows.reject(d[0], codes.getOrDefault(d[0], ""), messages.t("import.reject.duplicate", d[1]));
            }
            rows.flush();
        }
        int valid = rows.validRows - duplicates.size();
        // A temporary table has no statistics until analysed: without them the planner picks nested loops.
        jdbc.sql("analyze staging_requests").update();
        long tCopy = System.nanoTime();
        int workersCreated = workers.createMissingFrom("staging_requests", "importazione elenco ministeriale n. " + importId);
        // The register names the worker of each staged codice fiscale, with the text a people search reads of them
        // (its own table, its own statistics); the staged rows, rewritten with their worker, are analysed again for
        // the requests' join.
        jdbc.sql("alter table staging_requests add column search_text text").update();
        workers.identifyIn("staging_requests");
        jdbc.sql("analyze staging_requests").update();
        long tWorkers = System.nanoTime();
        // Richiesto is only where a request starts: a list that still says so (it lags behind the CPI's work)
        // never moves back a request under review, noticed, decided or blocked; its snapshot keeps what it said.
        // A request the list brings in Preavviso di rigetto takes the notice's date from the list's status date
        // when the row has one (otherwise the request's page asks for it); entering that status from another,
        // the notice is the list's: no receipt, no letter of ours, its terms computed below.
        // Requests already known are rewritten only when the list says something new of them (ADR 0036): an
        // unchanged request costs a read, not a new row version, its index entries and its foreign-key checks.
        int updated = jdbc.sql("""
                update requests_voucher_request r set status = s.status, status_date = s.status_date,
                    competent_centre_id = s.centre_id, provider_type = s.provider_type, provider_name = s.provider_name,
                    provider_office = s.provider_office, provider_office_id = s.provider_office_id,
                    last_import_id = :import, version = r.version + 1,
                    rejection_notice_date = case
                        when s.status <> 'NOTICE_OF_REJECTION' then r.rejection_notice_date
                        when r.status <> 'NOTICE_OF_REJECTION' then s.listed_status_date
                        when r.rejection_notice_from_list then coalesce(r.rejection_notice_date, s.listed_status_date)
                        else r.rejection_notice_date end,
                    rejection_notice_from_list = case when s.status = 'NOTICE_OF_REJECTION'
                        and r.status <> 'NOTICE_OF_REJECTION' then true else r.rejection_notice_from_list end,
                    rejection_notice_received_on = case when s.status = 'NOTICE_OF_REJECTION'
                        and r.status <> 'NOTICE_OF_REJECTION' then null else r.rejection_notice_received_on end,
                    rejection_notice_reasons = case when s.status = 'NOTICE_OF_REJECTION'
                        and r.status <> 'NOTICE_OF_REJECTION' then null else r.rejection_notice_reasons end,
                    rejection_notice_letter_id = case when s.status = 'NOTICE_OF_REJECTION'
                        and r.status <> 'NOTICE_OF_REJECTION' then null else r.rejection_notice_letter_id end,
                    observation_deadline = case when s.status = 'NOTICE_OF_REJECTION'
                        and r.status <> 'NOTICE_OF_REJECTION' then null else r.observation_deadline end,
                    days_left_at_rejection_notice = case when s.status = 'NOTICE_OF_REJECTION'
                        and r.status <> 'NOTICE_OF_REJECTION' then null else r.days_left_at_rejection_notice end,
                    decision_deadline = case when s.status = 'NOTICE_OF_REJECTION'
                        and (r.status <> 'NOTICE_OF_REJECTION' or (r.rejection_notice_from_list
                            and r.rejection_notice_date is null)) then null else r.decision_deadline end
                from staging_requests s
                where s.worker_id is not null and r.worker_id = s.worker_id and r.request_date = s.request_date
                  and s.status_date >= r.status_date
                  and r.status not in ('REJECTED', 'WITHDRAWN')
                  and not (s.status = 'REQUESTED' and r.status <> 'REQUESTED')
                  and ((r.status, r.competent_centre_id, r.provider_type, r.provider_name, r.provider_office,
                      r.provider_office_id)
                      is distinct from (s.status, s.centre_id, s.provider_type, s.provider_name, s.provider_office,
                      s.provider_office_id)
                    or (r.status = 'NOTICE_OF_REJECTION' and s.status = 'NOTICE_OF_REJECTION'
                      and r.rejection_notice_from_list and r.rejection_notice_date is null
                      and s.listed_status_date is not null))""")
                .param("import", importId).update();
        // The new ones, in the order of the unique (worker, request date) index so that its pages fill in turn.
        // A request filed online for the same worker and date while the list is written is left as filed.
        int created = jdbc.sql("""
                insert into requests_voucher_request (worker_id, request_date, status, status_date,
                    competent_centre_id, provider_type, provider_name, provider_office, provider_office_id,
                    last_import_id, first_import_id, rejection_notice_date, rejection_notice_from_list)
                select s.worker_id, s.request_date, s.status, s.status_date, s.centre_id, s.provider_type,
                    s.provider_name, s.provider_office, s.provider_office_id, :import, :import,
                    case when s.status = 'NOTICE_OF_REJECTION' then s.listed_status_date end,
                    s.status = 'NOTICE_OF_REJECTION'
                from staging_requests s
                where s.worker_id is not null and not exists (select 1 from requests_voucher_request r
                    where r.worker_id = s.worker_id and r.request_date = s.request_date)
                order by s.worker_id, s.request_date
                on conflict (worker_id, request_date) do nothing""")
                .param("import", importId).update();
        noticeTerms();
        long tRequests = System.nanoTime();
        if (created > 0) {
            // The list's own copy of the new requests' workers (ADR 0047), read from the register with their ids.
            people.copy().addFrom("staging_requests");
        }
        long tNames = System.nanoTime();
        // The insert may have grown the table a lot in this transaction: fresh statistics keep the snapshot's
        // join a hash join instead of a nested loop of scans. The entries go in the order of their key
        // (import, request), so that the key's index fills its pages in turn (a quarter less time).
        if (created > 1000) {
            jdbc.sql("analyze requests_voucher_request").update();
        }
        jdbc.sql("""
                insert into requests_snapshot_entry (import_id, request_id, status, status_date, competent_centre_id)
                select :import, r.id, s.status, s.status_date, s.centre_id
                from staging_requests s
                join requests_voucher_request r on r.worker_id = s.worker_id and r.request_date = s.request_date
                order by r.id""")
                .param("import", importId).update();
        long tSnapshot = System.nanoTime();
        lastPhases = new Phases((tRead - t0) / 1_000_000, (tCopy - tRead) / 1_000_000, (tWorkers - tCopy) / 1_000_000,
                (tRequests - tWorkers) / 1_000_000, (tNames - tRequests) / 1_000_000, (tSnapshot - tNames) / 1_000_000);
        log.debug("Importazione {}: {}", importId, lastPhases);
        int unchanged = valid - created - updated;
        jdbc.sql("""
                update requests_import set rows_read = ?, rejected = ?, created = ?, updated = ?, unchanged = ?,
                    workers_created = ? where id = ?""")
                .params(rows.read, rows.rejectedRows, created, updated, unchanged, workersCreated, importId).update();
        if (created + updated > 0) {
            // One event for the whole import: the provider's queue reads the snapshot's requests in batches.
            events.publishEvent(new VoucherRequestsImported(importId));
        }
        audit.record("REQUESTS_IMPORTED", "RequestImport", importId, Detail.of("audit.detail.requestsImported", snapshotDate,
                rows.read, created, updated, unchanged, rows.rejectedRows).encoded());
        List<Rejection> listed = new ArrayList<>(rows.listed);
        listed.sort(Comparator.comparingInt(Rejection::line));
        return new ImportReport(importId, false, snapshotDate, rows.read, created, updated, unchanged,
                rows.rejectedRows, workersCreated, listed.size() > rows.maxListed ? listed.subList(0, rows.maxListed) : listed);
    }

    /**
     * The terms of the notices the list just brought with their date (window from the notice's date, no
     * receipt, no observations yet), computed as {@link VoucherRequest#noticeTerms} does, in batches.
     */
    private void noticeTerms() {
        TermRules rules = terms.load();
        long after = 0;
        List<Object[]> batch;
        do {
            batch = jdbc.sql("""
                    select r.id, r.request_date, r.rejection_notice_date from staging_requests s
                    join requests_voucher_request r on r.worker_id = s.worker_id and r.request_date = s.request_date
                    where s.status = 'NOTICE_OF_REJECTION' and r.status = 'NOTICE_OF_REJECTION'
                      and r.rejection_notice_from_list and r.rejection_notice_date is not null
                      and r.rejection_notice_received_on is null and r.decision_deadline is null and r.id > ?
                    order by r.id limit ?""").params(after, NOTICE_BATCH)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()})
                    .list();
            List<Object[]> updates = new ArrayList<>();
            for (Object[] row : batch) {
                LocalDate notice = (LocalDate) row[2];
                VoucherRequest.NoticeTerms t = VoucherRequest.noticeTerms((LocalDate) row[1], notice, notice, List.of(), rules);
                updates.add(new Object[] {t.observationDeadline(), t.daysLeft(), t.decisionDeadline(), row[0]});
            }
            if (!updates.isEmpty()) {
                jdbcTemplate.batchUpdate("""
                        update requests_voucher_request set observation_deadline = ?, days_left_at_rejection_notice = ?,
                            decision_deadline = ? where id = ?""", updates);
                after = (Long) batch.get(batch.size() - 1)[0];
            }
        } while (batch.size() == NOTICE_BATCH);
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
