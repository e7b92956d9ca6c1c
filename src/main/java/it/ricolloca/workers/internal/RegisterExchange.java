package it.ricolloca.workers.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.PartitaIva;
import it.ricolloca.shared.tabular.HeaderNames;
import it.ricolloca.shared.tabular.ImportReport.Rejection;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.progress.Progress;
import it.ricolloca.shared.tabular.ImportWork;
import it.ricolloca.shared.tabular.RowHandler;
import it.ricolloca.shared.tabular.RowProblem;
import it.ricolloca.shared.tabular.SpreadsheetText;
import it.ricolloca.shared.tabular.TabularFiles;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.tabular.TabularWriter;
import it.ricolloca.shared.tabular.UnreadableFileException;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.NaspiStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register as an XLSX workbook, both ways: one sheet of workers, one of work history, one
 * of education, with the Italian headers listed here (documented in docs/imports.md). Export
 * streams rows and neutralises text that a spreadsheet would run as a formula; import updates
 * the register in one transaction, reports every rejected row, and leaves unchanged what did
 * not change, so importing an export changes nothing.
 */
@Service
public class RegisterExchange {

    public static final String WORKERS_SHEET = "Lavoratori";
    public static final String WORK_SHEET = "Storia lavorativa";
    public static final String EDUCATION_SHEET = "Storia formativa";
    public static final List<String> WORKER_HEADERS = List.of("Codice fiscale", "Cognome", "Nome", "Comune di residenza",
            "E-mail", "Telefono", "CPI competente", "Inizio NASpI", "Fine prevista NASpI", "Importo mensile NASpI",
            "Stato NASpI", "Indice di profilazione", "Data profilazione", "Competenze", "Lingue", "Note");
    public static final List<String> WORK_HEADERS = List.of("Codice fiscale", "Datore di lavoro", "Partita IVA",
            "Codice professione", "Professione", "Classificazione", "Tipo di contratto", "Dal", "Al");
    public static final List<String> EDUCATION_HEADERS = List.of("Codice fiscale", "Titolo", "Istituto", "Anno");

    private final JdbcClient jdbc;
    private final WorkerRepository workers;
    private final JobCentres centres;
    private final AuditTrail audit;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final EntityManager entityManager;

    private final TabularReader reader;

    // Matching keeps a copy of each worker's profile (ADR 0038): a changed worker is announced.
    private final org.springframework.context.ApplicationEventPublisher events;

    RegisterExchange(JdbcClient jdbc, WorkerRepository workers, JobCentres centres, AuditTrail audit, Messages messages,
            TransactionTemplate tx, EntityManager entityManager, TabularReader reader,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.reader = reader;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.workers = workers;
        this.centres = centres;
        this.audit = audit;
        this.messages = messages;
        this.tx = tx;
    }

    public static boolean canExchange(CurrentUser user) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE);
    }

    /** Writes the whole register, streaming: a few hundred rows in memory whatever its size; the export is audited. */
    @Transactional
    public void export(CurrentUser user, OutputStream out) throws IOException {
        export(user, TabularFormat.XLSX, out);
    }

    /** The same, as an XLSX or an ODS workbook (the same three sheets, the same columns). */
    @Transactional
    public void export(CurrentUser user, TabularFormat format, OutputStream out) throws IOException {
        if (!canExchange(user)) {
            throw new NotFoundException();
        }
        try (TabularWriter wb = TabularWriter.workbook(format, out, WORKERS_SHEET)) {
            // The CPI's code comes from the network's public API, by the id the register holds (column 7).
            Map<Long, String> centreCodes = centres.all().stream()
                    .collect(Collectors.toMap(CentreSummary::id, CentreSummary::code));
            sheet(wb, null, WORKER_HEADERS, """
                    select w.tax_code, w.last_name, w.first_name, w.residence_municipality, w.email, w.phone,
                        w.competent_centre_id, w.naspi_start, w.naspi_expected_end, w.naspi_monthly_amount, w.naspi_status,
                        w.profiling_index, w.profiling_date, w.skills, w.languages, w.notes
                    from workers_worker w order by w.tax_code""",
                    (column, value) -> column == 6 && value != null ? centreCodes.get(((Number) value).longValue()) : value);
            sheet(wb, WORK_SHEET, WORK_HEADERS, """
                    select w.tax_code, h.employer, h.employer_vat, h.profession_code, h.profession_label, h.classification,
                        h.contract_type, h.start_date, h.end_date
                    from workers_work_history h join workers_worker w on w.id = h.worker_id order by w.tax_code, h.position""",
                    (column, value) -> value);
            sheet(wb, EDUCATION_SHEET, EDUCATION_HEADERS, """
                    select w.tax_code, e.title, e.institution, e.year
                    from workers_education e join workers_worker w on w.id = e.worker_id order by w.tax_code, e.position""",
                    (column, value) -> value);
        }
        audit.record("REGISTER_EXPORTED", "Worker", "", Detail.of("audit.detail.registerExported").encoded());
    }

    /**
     * One sheet (a further one when {@code name} is given, else the first): its header row, then the query's
     * rows streamed 500 at a time, one column per header.
     */
    private void sheet(TabularWriter wb, String name, List<String> headers, String sql,
            BiFunction<Integer, Object, Object> cell) {
        if (name != null) {
            wb.sheet(name);
        }
        wb.header(headers);
        jdbc.sql(sql).withFetchSize(500).query((ResultSet rs) -> {
            List<Object> values = new ArrayList<>(headers.size());
            for (int i = 0; i < headers.size(); i++) {
                values.add(cell.apply(i, rs.getObject(i + 1)));
            }
            wb.row(values);
        });
    }

    /** One sheet's rows by column name. */
    private static final class SheetRows implements RowHandler {
        final List<String> expected;
        final String sheet;
        Map<String, Integer> columns = Map.of();
        final List<Map.Entry<Integer, List<String>>> rows = new ArrayList<>();

        SheetRows(String sheet, List<String> expected) {
            this.sheet = sheet;
            this.expected = expected;
        }

        @Override
        public void header(List<String> names) {
            Map<String, Integer> found = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String key = HeaderNames.key(names.get(i));
                for (String e : expected) {
                    if (HeaderNames.key(e).equals(key)) {
                        found.put(e, i);
                    }
                }
            }
            columns = found;
        }

        @Override
        public void row(int line, List<String> cells) {
            rows.add(Map.entry(line, cells));
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }

        String get(List<String> cells, String column) {
            Integer i = columns.get(column);
            return i == null || i >= cells.size() ? "" : SpreadsheetText.restore(cells.get(i));
        }
    }

    public ImportReport importRegister(CurrentUser user, String fileName, byte[] content) {
        try (TabularSource source = TabularSource.of(fileName, content)) {
            return importRegister(user, source);
        }
    }

    /** Imports the register's workbook on this node, within its import permits and memory budget (refused when busy). */
    public ImportReport importRegister(CurrentUser user, TabularSource source) {
        return importRegister(user, source, Progress.NONE);
    }

    /** Imports the register's workbook, reporting its rows to {@code progress} as they are read (ADR 0028). */
    public ImportReport importRegister(CurrentUser user, TabularSource source, Progress progress) {
        if (!canExchange(user)) {
            throw new NotFoundException();
        }
        try (ImportWork work = reader.begin()) {
            work.track(progress);
            return importRegister(user, source, work);
        }
    }

    private ImportReport importRegister(CurrentUser user, TabularSource source, ImportWork work) {
        SheetRows workerRows = new SheetRows(WORKERS_SHEET, WORKER_HEADERS);
        SheetRows workRows = new SheetRows(WORK_SHEET, WORK_HEADERS);
        SheetRows educationRows = new SheetRows(EDUCATION_SHEET, EDUCATION_HEADERS);
        Map<String, RowHandler> handlers = new LinkedHashMap<>();
        handlers.put(WORKERS_SHEET, workerRows);
        handlers.put(WORK_SHEET, workRows);
        handlers.put(EDUCATION_SHEET, educationRows);
        Set<String> sheets = work.readSheets(source, handlers);
        if (!sheets.contains(WORKERS_SHEET)) {
            throw new UnreadableFileException("register.sheet.missing", WORKERS_SHEET);
        }
        if (!workerRows.has("Codice fiscale")) {
            throw new UnreadableFileException("import.header.missing", "Codice fiscale");
        }
        if (workerRows.rows.isEmpty()) {
            throw new UnreadableFileException("import.file.noRows");
        }
        return tx.execute(s -> write(user, workerRows, workRows, educationRows, work));
    }

    /** What a worker of the file costs in memory while the import holds it as an entity. */
    static final int WORKER_ENTITY_BYTES = 4096;

    private ImportReport write(CurrentUser user, SheetRows workerRows, SheetRows workRows, SheetRows educationRows,
            ImportWork work) {
        // Every worker of the file is looked up at once below; flushing before each query would make the
        // import quadratic in the number of workers it touches.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        work.hold((long) WORKER_ENTITY_BYTES * workerRows.rows.size());
        Map<String, Worker> existingByCode = preload(workerRows);
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Optional<CentreSummary>> recognised = new HashMap<>();
        Map<String, Worker> inFile = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (var entry : workerRows.rows) {
            int line = entry.getKey();
            List<String> cells = entry.getValue();
            String raw = workerRows.get(cells, "Codice fiscale");
            try {
                CodiceFiscale cf = taxCode(raw);
                Integer first = seen.putIfAbsent(cf.value(), line);
                if (first != null) {
                    throw new RowProblem(messages.t("invitation.reject.duplicate", first));
                }
                Optional<Worker> existing = Optional.ofNullable(existingByCode.get(cf.value()));
                Worker w = existing.orElseGet(() -> new Worker(cf));
                String before = existing.map(RegisterExchange::snapshot).orElse(null);
                apply(w, workerRows, cells, recognised);
                if (existing.isEmpty()) {
                    workers.save(w);
                    created++;
                    audit.record("WORKER_CREATED", "Worker", w.getId(), Detail.of("audit.detail.registerImport").encoded());
                    events.publishEvent(new it.ricolloca.workers.WorkerProfileChanged(w.getId()));
                } else if (!Objects.equals(before, snapshot(w))) {
                    updated++;
                    audit.record("WORKER_UPDATED", "Worker", w.getId(), Detail.of("audit.detail.registerImport").encoded());
                    events.publishEvent(new it.ricolloca.workers.WorkerProfileChanged(w.getId()));
                } else {
                    unchanged++;
                }
                inFile.put(cf.value(), w);
            } catch (RowProblem e) {
                rejections.add(new Rejection(line, shorten(raw), sheetReason(WORKERS_SHEET, e.getMessage())));
            }
        }
        workers.flush();
        historyFromSheet(workRows, inFile, rejections, true);
        historyFromSheet(educationRows, inFile, rejections, false);
        workers.flush();
        audit.record("REGISTER_IMPORTED", "Worker", "", Detail.of("audit.detail.registerImported", created, updated,
                unchanged, rejections.size()).encoded());
        int read = workerRows.rows.size() + workRows.rows.size() + educationRows.rows.size();
        return new ImportReport(null, false, null, read, created, updated, unchanged, rejections.size(), created,
                reader.limits().listed(rejections));
    }

    /** The register's workers named in the file, loaded a thousand codes at a time, with their histories. */
    private Map<String, Worker> preload(SheetRows workerRows) {
        List<String> codes = workerRows.rows.stream().map(e -> CodiceFiscale.normalise(workerRows.get(e.getValue(),
                "Codice fiscale"))).filter(CodiceFiscale::isValid).distinct().toList();
        Map<String, Worker> found = new HashMap<>();
        for (int i = 0; i < codes.size(); i += 1000) {
            for (Worker w : workers.findWithHistoryByTaxCodeIn(codes.subList(i, Math.min(codes.size(), i + 1000)))) {
                found.put(w.getTaxCode(), w);
            }
        }
        return found;
    }

    private void historyFromSheet(SheetRows sheet, Map<String, Worker> inFile, List<Rejection> rejections, boolean work) {
        Map<Worker, List<Object>> byWorker = new LinkedHashMap<>();
        String name = work ? WORK_SHEET : EDUCATION_SHEET;
        for (var entry : sheet.rows) {
            List<String> cells = entry.getValue();
            String raw = sheet.get(cells, "Codice fiscale");
            try {
                CodiceFiscale cf = taxCode(raw);
                Worker w = inFile.get(cf.value());
                if (w == null) {
                    throw new RowProblem(messages.t("register.reject.notInWorkers"));
                }
                byWorker.computeIfAbsent(w, k -> new ArrayList<>()).add(work ? workEntry(sheet, cells) : educationEntry(sheet, cells));
            } catch (RowProblem e) {
                rejections.add(new Rejection(entry.getKey(), shorten(raw), sheetReason(name, e.getMessage())));
            }
        }
        byWorker.forEach((w, entries) -> {
            List<?> current = work ? w.getWorkHistory() : w.getEducation();
            if (!current.equals(entries)) {
                if (work) {
                    while (w.removeWork(0)) {
                        // empties the list before refilling it in the file's order
                    }
                    entries.forEach(e -> w.addWork((WorkHistoryEntry) e));
                } else {
                    while (w.removeEducation(0)) {
                        // empties the list before refilling it in the file's order
                    }
                    entries.forEach(e -> w.addEducation((EducationEntry) e));
                }
                audit.record(work ? "WORKER_WORK_ADDED" : "WORKER_EDUCATION_ADDED", "Worker", w.getId(),
                        Detail.of("audit.detail.replacedByImport", entries.size()).encoded());
                if (work && w.getId() != null) {
                    events.publishEvent(new it.ricolloca.workers.WorkerProfileChanged(w.getId()));
                }
            }
        });
    }

    private WorkHistoryEntry workEntry(SheetRows sheet, List<String> cells) {
        String employer = sheet.get(cells, "Datore di lavoro");
        if (employer.isEmpty()) {
            throw new RowProblem(messages.t("register.reject.employer"));
        }
        String vat = sheet.get(cells, "Partita IVA");
        if (!vat.isEmpty() && PartitaIva.check(vat).isPresent()) {
            throw new RowProblem(messages.t("register.reject.vat", vat));
        }
        LocalDate from = date(sheet.get(cells, "Dal"), true);
        LocalDate to = date(sheet.get(cells, "Al"), false);
        if (to != null && to.isBefore(from)) {
            throw new RowProblem(messages.t("worker.work.endBeforeStart"));
        }
        String classification = sheet.get(cells, "Classificazione");
        if (!classification.isEmpty() && !classification.matches("CP2011|CP2021")) {
            throw new RowProblem(messages.t("register.reject.classification", classification));
        }
        return new WorkHistoryEntry(employer, blank(vat), blank(sheet.get(cells, "Codice professione")),
                blank(sheet.get(cells, "Professione")), blank(classification), blank(sheet.get(cells, "Tipo di contratto")),
                from, to);
    }

    private EducationEntry educationEntry(SheetRows sheet, List<String> cells) {
        String title = sheet.get(cells, "Titolo");
        if (title.isEmpty()) {
            throw new RowProblem(messages.t("register.reject.title"));
        }
        String year = sheet.get(cells, "Anno");
        Integer y = null;
        if (!year.isEmpty()) {
            try {
                y = Integer.valueOf(year);
            } catch (NumberFormatException e) {
                throw new RowProblem(messages.t("register.reject.year", year));
            }
        }
        return new EducationEntry(title, blank(sheet.get(cells, "Istituto")), y);
    }

    private void apply(Worker w, SheetRows sheet, List<String> cells, Map<String, Optional<CentreSummary>> recognised) {
        String centreText = sheet.get(cells, "CPI competente");
        Long centre = w.getCompetentCentreId();
        if (sheet.has("CPI competente")) {
            centre = centreText.isEmpty() ? null : recognised.computeIfAbsent(centreText, centres::recognise)
                    .orElseThrow(() -> new RowProblem(messages.t("import.reject.centre", centreText))).id();
        }
        w.updateIdentity(pick(sheet, cells, "Nome", w.getFirstName()), pick(sheet, cells, "Cognome", w.getLastName()),
                pick(sheet, cells, "Comune di residenza", w.getResidenceMunicipality()),
                pick(sheet, cells, "E-mail", w.getEmail()), pick(sheet, cells, "Telefono", w.getPhone()), centre);
        LocalDate start = sheet.has("Inizio NASpI") ? date(sheet.get(cells, "Inizio NASpI"), false) : w.getNaspiStart();
        LocalDate end = sheet.has("Fine prevista NASpI") ? date(sheet.get(cells, "Fine prevista NASpI"), false)
                : w.getNaspiExpectedEnd();
        BigDecimal amount = sheet.has("Importo mensile NASpI") ? decimal(sheet.get(cells, "Importo mensile NASpI"), 2)
                : w.getNaspiMonthlyAmount();
        NaspiStatus status = sheet.has("Stato NASpI") ? naspiStatus(sheet.get(cells, "Stato NASpI")) : w.getNaspiStatus();
        w.updateBenefit(start, end, amount, status);
        BigDecimal index = sheet.has("Indice di profilazione") ? decimal(sheet.get(cells, "Indice di profilazione"), 3)
                : w.getProfilingIndex();
        if (index != null && (index.signum() < 0 || index.compareTo(BigDecimal.ONE) > 0)) {
            throw new RowProblem(messages.t("register.reject.index", index.toPlainString()));
        }
        LocalDate indexDate = sheet.has("Data profilazione") ? date(sheet.get(cells, "Data profilazione"), false)
                : w.getProfilingDate();
        w.updateProfile(index, indexDate, pick(sheet, cells, "Competenze", w.getSkills()),
                pick(sheet, cells, "Lingue", w.getLanguages()), pick(sheet, cells, "Note", w.getNotes()));
    }

    private static String pick(SheetRows sheet, List<String> cells, String column, String current) {
        return sheet.has(column) ? blank(sheet.get(cells, column)) : current;
    }

    private CodiceFiscale taxCode(String raw) {
        Optional<CodiceFiscale.Problem> problem = CodiceFiscale.check(raw);
        if (problem.isPresent()) {
            throw new RowProblem(messages.t("import.reject.taxCode", messages.t(problem.get().messageKey(),
                    problem.get().args())));
        }
        return CodiceFiscale.of(raw);
    }

    private LocalDate date(String text, boolean required) {
        if (text.isEmpty()) {
            if (required) {
                throw new RowProblem(messages.t("register.reject.date", text));
            }
            return null;
        }
        try {
            return TabularFiles.parseDate(text);
        } catch (IllegalArgumentException e) {
            throw new RowProblem(messages.t("register.reject.date", text));
        }
    }

    private BigDecimal decimal(String text, int scale) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(',', '.')).setScale(scale, RoundingMode.HALF_UP);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new RowProblem(messages.t("register.reject.number", text));
        }
    }

    private NaspiStatus naspiStatus(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String key = HeaderNames.key(text);
        return Arrays.stream(NaspiStatus.values())
                .filter(s -> HeaderNames.key(s.name()).equals(key) || HeaderNames.key(messages.t(s.labelKey())).equals(key))
                .findFirst().orElseThrow(() -> new RowProblem(messages.t("register.reject.naspiStatus", text)));
    }

    private String sheetReason(String sheet, String reason) {
        return messages.t("register.reject.sheet", sheet, reason);
    }

    private static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) : raw;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Every field that the file can change, for telling a changed worker from an unchanged one. */
    private static String snapshot(Worker w) {
        return String.join("|", String.valueOf(w.getFirstName()), String.valueOf(w.getLastName()),
                String.valueOf(w.getResidenceMunicipality()), String.valueOf(w.getEmail()), String.valueOf(w.getPhone()),
                String.valueOf(w.getCompetentCentreId()), String.valueOf(w.getNaspiStart()),
                String.valueOf(w.getNaspiExpectedEnd()), plain(w.getNaspiMonthlyAmount()), String.valueOf(w.getNaspiStatus()),
                plain(w.getProfilingIndex()), String.valueOf(w.getProfilingDate()), String.valueOf(w.getSkills()),
                String.valueOf(w.getLanguages()), String.valueOf(w.getNotes()));
    }

    private static String plain(BigDecimal b) {
        return b == null ? "null" : b.stripTrailingZeros().toPlainString();
    }

}
