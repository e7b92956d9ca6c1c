package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.shared.acts.ActGuard;
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
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.Numbers;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancyInvalidException;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.VacancyStatus;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board as the Excel file the network used on Dropbox, both ways. The export writes the
 * seed's thirteen columns in the seed's order, then Ricolloca's own (code of the offer last),
 * streaming, with text that a spreadsheet would run as a formula neutralised. The import reads
 * the first sheet of an XLSX (or a CSV) by header name, tolerant of case, accents, spaces and the
 * en dash; each row is one offer, found again by its code or, in a file without codes, by company,
 * profile, arrival date and CPI; every rejected row is reported with its line and reason, the rest
 * is written in one transaction. Importing an export changes nothing.
 */
@Service
public class BoardExchange {

    /** The columns of the board file. */
    public enum Column {
        STATUS, ARRIVED_ON, PROFILE, POSITIONS, COMPANY, COMPANY_TAX_CODE, ECONOMIC_AREA, CONTRACT_PROPOSAL, SKILLS,
        CENTRE, REFERENT, REFERENT_EMAIL, NOTES,
        PROFESSION_CODE, CLASSIFICATION, ATECO_CODE, ATECO_VERSION, CONTRACT_TYPE, CONTRACT_MONTHS, SOURCE,
        MUNICIPALITY, PROVINCE, WEEKLY_HOURS, SALARY_MIN, SALARY_MAX, CLOSING_ON, CODE
    }

    /** The header each column is written with, and the other names it is read by. */
    public static final HeaderNames<Column> HEADERS;

    static {
        Map<Column, List<String>> m = new EnumMap<>(Column.class);
        m.put(Column.STATUS, List.of("Stato", "Stato offerta", "Stato dell'offerta"));
        m.put(Column.ARRIVED_ON, List.of("Data arrivo offerta", "Data arrivo", "Data di arrivo", "Data offerta"));
        m.put(Column.PROFILE, List.of("Profilo richiesto", "Profilo", "Qualifica richiesta"));
        m.put(Column.POSITIONS, List.of("N. Posizioni", "Numero posizioni", "Posizioni", "N. posti", "Numero posti"));
        m.put(Column.COMPANY, List.of("Nome azienda", "Azienda", "Ragione sociale"));
        m.put(Column.COMPANY_TAX_CODE, List.of("Codice fiscale", "Codice fiscale azienda", "CF azienda", "Partita IVA",
                "P. IVA", "CF / P. IVA"));
        m.put(Column.ECONOMIC_AREA, List.of("Area economica", "Settore", "Settore economico"));
        m.put(Column.CONTRACT_PROPOSAL, List.of("Proposta contratto", "Contratto proposto", "Contratto"));
        m.put(Column.SKILLS, List.of("Competenze – requisiti", "Competenze requisiti", "Competenze", "Requisiti"));
        m.put(Column.CENTRE, List.of("Cpi", "Centro per l'impiego", "CPI di riferimento"));
        m.put(Column.REFERENT, List.of("Referente offerta", "Referente"));
        m.put(Column.REFERENT_EMAIL, List.of("Mail referente", "E-mail referente", "Email referente"));
        m.put(Column.NOTES, List.of("Note"));
        m.put(Column.PROFESSION_CODE, List.of("Codice professione", "Codice ISTAT professione", "Codice CP"));
        m.put(Column.CLASSIFICATION, List.of("Classificazione professione", "Versione classificazione professione"));
        m.put(Column.ATECO_CODE, List.of("Codice ATECO", "ATECO"));
        m.put(Column.ATECO_VERSION, List.of("Versione ATECO"));
        m.put(Column.CONTRACT_TYPE, List.of("Tipo di contratto", "Tipologia contratto"));
        m.put(Column.CONTRACT_MONTHS, List.of("Durata in mesi", "Durata mesi", "Durata contratto"));
        m.put(Column.SOURCE, List.of("Fonte", "Canale"));
        m.put(Column.MUNICIPALITY, List.of("Comune sede di lavoro", "Sede di lavoro", "Comune di lavoro"));
        m.put(Column.PROVINCE, List.of("Provincia sede di lavoro", "Provincia"));
        m.put(Column.WEEKLY_HOURS, List.of("Ore settimanali", "Orario settimanale"));
        m.put(Column.SALARY_MIN, List.of("Retribuzione minima", "RAL minima"));
        m.put(Column.SALARY_MAX, List.of("Retribuzione massima", "RAL massima"));
        m.put(Column.CLOSING_ON, List.of("Data di chiusura", "Data chiusura", "Scadenza"));
        m.put(Column.CODE, List.of("Codice offerta", "ID offerta"));
        HEADERS = new HeaderNames<>(m);
    }

    private static final List<Column> REQUIRED = List.of(Column.ARRIVED_ON, Column.PROFILE, Column.COMPANY);

    private static final Map<String, VacancyStatus> STATUS_WORDS = words(Map.of(
            VacancyStatus.OPEN, List.of("aperta", "aperto", "attiva", "attivo", "nuova", "disponibile", "pubblicata"),
            VacancyStatus.IN_SELECTION, List.of("in selezione", "selezione in corso", "in corso", "selezione"),
            VacancyStatus.FILLED, List.of("coperta", "coperto", "evasa", "assegnata", "chiusa con assunzione"),
            VacancyStatus.CLOSED, List.of("chiusa", "chiuso", "scaduta", "scaduto", "annullata", "ritirata"),
            VacancyStatus.SUSPENDED, List.of("sospesa", "sospeso", "in attesa")));

    private static final Map<String, VacancySource> SOURCE_WORDS = words(Map.of(
            VacancySource.CPI, List.of("cpi", "centro per l'impiego", "centro per l impiego"),
            VacancySource.ALTE_PROFESSIONALITA, List.of("alte professionalità", "alte professionalita", "servizio alte professionalità"),
            VacancySource.GRANDI_RECLUTAMENTI, List.of("grandi reclutamenti", "servizio grandi reclutamenti"),
            VacancySource.EURES, List.of("eures", "servizio eures")));

    private static final Map<String, ContractType> CONTRACT_WORDS = words(Map.of(
            ContractType.PERMANENT, List.of("tempo indeterminato", "indeterminato"),
            ContractType.FIXED_TERM, List.of("tempo determinato", "determinato"),
            ContractType.APPRENTICESHIP, List.of("apprendistato"),
            ContractType.AGENCY, List.of("somministrazione", "lavoro somministrato"),
            ContractType.PROBATION, List.of("periodo di prova", "prova")));

    private static final Pattern MONTHS = Pattern.compile("(\\d{1,3})\\s*mes");

    /** The plain value of a spreadsheet's numeric cell with decimals, as the reader passes it on. */
    private static final Pattern NUMERIC_CELL = Pattern.compile("-?\\d{1,12}\\.\\d{1,10}");

    private final VacancyRepository vacancies;
    private final VacancyBoard board;
    private final JobCentres centres;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Messages messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    private final TabularReader reader;

    BoardExchange(VacancyRepository vacancies, VacancyBoard board, JobCentres centres, StaffDirectory staff,
            AuditTrail audit, Messages messages, JdbcClient jdbc,
            TransactionTemplate tx, TabularReader reader) {
        this.reader = reader;
        this.vacancies = vacancies;
        this.board = board;
        this.centres = centres;
        this.staff = staff;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Only the regional service loads the board file: it runs the board. */
    public static boolean canImport(CurrentUser user) {
        return VacancyRights.canImport(user);
    }

    // ---- export ----

    /** Writes the whole board, streaming (a few hundred rows in memory): numbers and dates as real cells; the export is audited. */
    @Transactional
    public void export(CurrentUser user, OutputStream out) {
        export(user, TabularFormat.XLSX, out);
    }

    /** The same, as an XLSX or an ODS workbook. */
    @Transactional
    public void export(CurrentUser user, TabularFormat format, OutputStream out) {
        requireRead(user);
        Map<Long, String> names = centres.names();
        try (TabularWriter sheet = TabularWriter.workbook(format, out, messages.t("vacancy.export.sheet"))) {
            sheet.header(Arrays.stream(Column.values()).map(c -> HEADERS.synonyms().get(c).get(0)).toList());
            jdbc.sql("""
                    select status, arrived_on, profile, positions, company_name, company_tax_code, economic_area,
                        contract_proposal, skills, centre_id, referent_name, referent_email, notes, profession_code,
                        profession_classification, ateco_code, ateco_version, contract_type, contract_months, source,
                        workplace_municipality, workplace_province, weekly_hours, salary_min, salary_max, closing_on, id
                    from vacancies_vacancy order by arrived_on, id""").withFetchSize(500).query((ResultSet rs) -> {
                sheet.row(messages.t(VacancyStatus.valueOf(rs.getString(1)).labelKey()),
                        rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10) == null ? null : names.get(rs.getLong(10)), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                        rs.getString(18) == null ? null : messages.t(ContractType.valueOf(rs.getString(18)).labelKey()),
                        rs.getObject(19), messages.t(VacancySource.valueOf(rs.getString(20)).labelKey()), rs.getString(21),
                        rs.getString(22), rs.getBigDecimal(23), rs.getBigDecimal(24), rs.getBigDecimal(25),
                        rs.getObject(26, LocalDate.class), rs.getLong(27));
            });
        }
        audit.recordAs(user.username(), "VACANCY_BOARD_EXPORTED", "Vacancy", "", "esportazione della vetrina");
    }

    /** Refuses (403) a user who does not read the board. */
    public static void requireRead(CurrentUser user) {
        ActGuard.require(VacancyRights.canRead(user), "vacancies");
    }

    /** Refuses (403) a user who does not load the board file. */
    public static void requireImport(CurrentUser user) {
        ActGuard.require(VacancyRights.canImport(user), "vacancies");
    }

    // ---- import ----

    /** The rows of the file by column. */
    private static final class Rows implements RowHandler {
        Map<Column, Integer> columns = Map.of();
        final List<Map.Entry<Integer, List<String>>> rows = new ArrayList<>();

        @Override
        public void header(List<String> names) {
            columns = HEADERS.locate(names);
        }

        @Override
        public void row(int line, List<String> cells) {
            rows.add(Map.entry(line, cells));
        }

        boolean has(Column c) {
            return columns.containsKey(c);
        }

        String get(List<String> cells, Column c) {
            Integer i = columns.get(c);
            return i == null || i >= cells.size() ? "" : SpreadsheetText.restore(cells.get(i)).strip();
        }
    }

    /** A valid row, ready to be written. */
    private record Parsed(int line, Long code, VacancyDetails details, VacancyStatus status) {
    }

    public ImportReport importBoard(CurrentUser user, String fileName, byte[] content) {
        try (TabularSource source = TabularSource.of(fileName, content)) {
            return importBoard(user, source);
        }
    }

    /** Imports the board's file on this node, within its import permits and memory budget (refused when busy). */
    public ImportReport importBoard(CurrentUser user, TabularSource source) {
        return importBoard(user, source, Progress.NONE);
    }

    /** Imports the board's file, reporting its rows to {@code progress} as they are read (ADR 0028). */
    public ImportReport importBoard(CurrentUser user, TabularSource source, Progress progress) {
        requireImport(user);
        try (ImportWork work = reader.begin()) {
            work.track(progress);
            return importBoard(user, source, work);
        }
    }

    private ImportReport importBoard(CurrentUser user, TabularSource source, ImportWork work) {
        Rows rows = new Rows();
        work.read(source, rows);
        List<String> missing = REQUIRED.stream().filter(c -> !rows.has(c))
                .map(c -> HEADERS.synonyms().get(c).get(0)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("vacancy.import.missingColumns", String.join(", ", missing));
        }
        if (rows.rows.isEmpty()) {
            throw new UnreadableFileException("import.file.noRows");
        }
        List<Rejection> rejections = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (var entry : rows.rows) {
            int line = entry.getKey();
            List<String> cells = entry.getValue();
            try {
                Parsed p = parse(user, rows, line, cells);
                String key = p.code() != null ? "#" + p.code() : naturalKey(p.details());
                Integer first = seen.putIfAbsent(key, line);
                if (first != null) {
                    throw new RowProblem(messages.t("vacancy.import.repeated", first));
                }
                parsed.add(p);
            } catch (RowProblem e) {
                rejections.add(new Rejection(line, label(rows, cells), e.getMessage()));
            }
        }
        int[] counts = new int[3];
        tx.executeWithoutResult(status -> {
            Instant now = Instant.now();
            for (Parsed p : parsed) {
                Optional<Vacancy> existing = p.code() != null ? vacancies.findById(p.code()) : findNatural(p.details());
                if (p.code() != null && existing.isEmpty()) {
                    rejections.add(new Rejection(p.line(), p.details().profile(), messages.t("vacancy.import.unknownCode", p.code())));
                    continue;
                }
                if (existing.isEmpty()) {
                    Vacancy v = vacancies.saveAndFlush(new Vacancy(p.details(), p.status(), now));
                    board.history(v.getId(), user.username(), null, p.status(), messages.t("vacancy.history.imported"));
                    counts[0]++;
                } else {
                    Vacancy v = existing.get();
                    VacancyStatus before = v.getStatus();
                    boolean changed = v.apply(p.details(), now);
                    boolean moved = v.takeStatusFromBoardFile(p.status(), now);
                    if (changed || moved) {
                        vacancies.saveAndFlush(v);
                        board.history(v.getId(), user.username(), moved ? before : null, moved ? p.status() : null,
                                messages.t("vacancy.history.importUpdated"));
                        counts[1]++;
                    } else {
                        counts[2]++;
                    }
                }
            }
            board.locateWorkplaces();
            audit.recordAs(user.username(), "VACANCY_BOARD_IMPORTED", "Vacancy", "", counts[0] + " nuove, " + counts[1] + " aggiornate, " + counts[2] + " invariate, "
                    + rejections.size() + " scartate");
        });
        rejections.sort(Comparator.comparingInt(Rejection::line));
        return new ImportReport(null, false, Dates.today(), rows.rows.size(), counts[0],
                counts[1], counts[2], rejections.size(), 0,
                reader.limits().listed(rejections));
    }

    private static String label(Rows rows, List<String> cells) {
        String profile = rows.get(cells, Column.PROFILE);
        return profile.length() > 60 ? profile.substring(0, 60) : profile;
    }

    private Parsed parse(CurrentUser user, Rows rows, int line, List<String> cells) {
        Long code = null;
        String codeText = rows.get(cells, Column.CODE);
        if (!codeText.isEmpty()) {
            try {
                code = Long.valueOf(codeText);
            } catch (NumberFormatException e) {
                throw new RowProblem(messages.t("vacancy.import.badCode", codeText));
            }
        }
        VacancyStatus status = recognise(STATUS_WORDS, rows.get(cells, Column.STATUS), VacancyStatus.OPEN,
                "vacancy.import.badStatus");
        String centreText = rows.get(cells, Column.CENTRE);
        VacancySource source = rows.get(cells, Column.SOURCE).isEmpty() ? null
                : recognise(SOURCE_WORDS, rows.get(cells, Column.SOURCE), null, "vacancy.import.badSource");
        Long centreId = null;
        if (!centreText.isEmpty()) {
            VacancySource named = SOURCE_WORDS.get(key(centreText));
            if (named != null && named != VacancySource.CPI) {
                source = source == null ? named : source;
            } else {
                centreId = centres.recognise(centreText).map(CentreSummary::id)
                        .orElseThrow(() -> new RowProblem(messages.t("vacancy.import.badCentre", centreText)));
            }
        }
        source = source == null ? VacancySource.CPI : source;
        ContractType contract;
        Integer months = integer(rows.get(cells, Column.CONTRACT_MONTHS), "vacancy.contractMonths");
        String proposal = rows.get(cells, Column.CONTRACT_PROPOSAL);
        if (rows.has(Column.CONTRACT_TYPE)) {
            contract = recognise(CONTRACT_WORDS, rows.get(cells, Column.CONTRACT_TYPE), null, "vacancy.import.badContract");
        } else {
            contract = guessContract(proposal);
            if (months == null && contract != null && contract != ContractType.PERMANENT) {
                Matcher m = MONTHS.matcher(proposal.toLowerCase(Locale.ROOT));
                months = m.find() ? Integer.valueOf(m.group(1)) : null;
            }
        }
        String positionsText = rows.get(cells, Column.POSITIONS);
        Integer positions = positionsText.isEmpty() ? Integer.valueOf(1) : integer(positionsText, "vacancy.positions");
        String email = rows.get(cells, Column.REFERENT_EMAIL);
        VacancyDetails details = new VacancyDetails(date(rows.get(cells, Column.ARRIVED_ON), "vacancy.arrivedOn"),
                rows.get(cells, Column.PROFILE), rows.get(cells, Column.PROFESSION_CODE),
                rows.get(cells, Column.CLASSIFICATION), positions, rows.get(cells, Column.COMPANY),
                companyCode(rows.get(cells, Column.COMPANY_TAX_CODE)), rows.get(cells, Column.ECONOMIC_AREA),
                rows.get(cells, Column.ATECO_CODE), rows.get(cells, Column.ATECO_VERSION), proposal, contract, months,
                rows.get(cells, Column.SKILLS), centreId, source, null, rows.get(cells, Column.REFERENT), email,
                rows.get(cells, Column.NOTES), rows.get(cells, Column.MUNICIPALITY), rows.get(cells, Column.PROVINCE),
                number(rows.get(cells, Column.WEEKLY_HOURS), "vacancy.weeklyHours"),
                number(rows.get(cells, Column.SALARY_MIN), "vacancy.salaryMin"),
                number(rows.get(cells, Column.SALARY_MAX), "vacancy.salaryMax"),
                date(rows.get(cells, Column.CLOSING_ON), "vacancy.closingOn"));
        Optional<StaffMember> referent = staff.findByEmail(email);
        Long current = code == null ? null : jdbc.sql("select referent_user_id from vacancies_vacancy where id = ?")
                .param(code).query(Long.class).list().stream().filter(Objects::nonNull).findFirst().orElse(null);
        if (referent.isPresent()) {
            if (!Long.valueOf(referent.get().id()).equals(current)
                    && board.eligibleReferent(referent.get().id(), centreId).isEmpty()) {
                throw new RowProblem(messages.t("vacancy.import.referentNotEligible", email));
            }
            details = details.withReferent(referent.get().id(), null, null);
        }
        try {
            return new Parsed(line, code, board.checked(user, details, null, current), status);
        } catch (VacancyInvalidException e) {
            throw new RowProblem(String.join("; ", e.problems().stream()
                    .map(p -> messages.t(p.key(), p.args())).toList()));
        }
    }

    private Optional<Vacancy> findNatural(VacancyDetails d) {
        List<Long> ids = jdbc.sql("""
                select id from vacancies_vacancy
                where coalesce(company_tax_code, '') = :tax and lower(company_name) = lower(:company)
                  and lower(profile) = lower(:profile) and arrived_on = :arrived
                  and coalesce(centre_id, -1) = :centre and source = :source
                order by id limit 2""")
                .param("tax", d.companyTaxCode() == null ? "" : d.companyTaxCode()).param("company", d.companyName())
                .param("profile", d.profile()).param("arrived", d.arrivedOn())
                .param("centre", d.centreId() == null ? -1L : d.centreId()).param("source", d.source().name())
                .query(Long.class).list();
        return ids.size() == 1 ? vacancies.findById(ids.get(0)) : Optional.empty();
    }

    private static String naturalKey(VacancyDetails d) {
        return String.join("|", String.valueOf(d.companyTaxCode()), d.companyName().toLowerCase(Locale.ROOT),
                d.profile().toLowerCase(Locale.ROOT), String.valueOf(d.arrivedOn()),
                String.valueOf(d.centreId()), d.source().name());
    }

    private <E> E recognise(Map<String, E> words, String text, E blank, String errorKey) {
        if (text.isEmpty()) {
            return blank;
        }
        E e = words.get(key(text));
        if (e == null) {
            throw new RowProblem(messages.t(errorKey, text));
        }
        return e;
    }

    private static ContractType guessContract(String proposal) {
        String k = " " + proposal.toLowerCase(Locale.ROOT) + " ";
        if (k.contains("indeterminato")) {
            return ContractType.PERMANENT;
        }
        if (k.contains("apprendist")) {
            return ContractType.APPRENTICESHIP;
        }
        if (k.contains("somministra")) {
            return ContractType.AGENCY;
        }
        if (k.contains("determinato")) {
            return ContractType.FIXED_TERM;
        }
        return null;
    }

    /** A partita IVA that a spreadsheet turned into a number lost its leading zeros: they come back. */
    private static String companyCode(String text) {
        String t = text.replace(" ", "");
        if (t.matches("\\d{1,10}")) {
            return "0".repeat(11 - t.length()) + t;
        }
        return t;
    }

    private LocalDate date(String text, String fieldKey) {
        try {
            return TabularFiles.parseDate(text);
        } catch (IllegalArgumentException e) {
            throw new RowProblem(messages.t("vacancy.import.badDate", messages.t(fieldKey), text));
        }
    }

    private Integer integer(String text, String fieldKey) {
        BigDecimal n = number(text, fieldKey);
        if (n == null) {
            return null;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new RowProblem(messages.t("vacancy.import.badNumber", messages.t(fieldKey), text));
        }
    }

    /**
     * A number of the file: text typed the Italian way ({@code 1.650}, {@code 1.650,50}, {@code 37,5})
     * through {@link Numbers#parse}; a numeric cell reaches us as its plain value ({@code 1650.5},
     * {@code 37.5}), which is read as the number the cell holds. Anything else, such as
     * {@code 1,650.50}, is refused with the row.
     */
    private BigDecimal number(String text, String fieldKey) {
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal n;
        try {
            n = Numbers.parse(text);
        } catch (IllegalArgumentException e) {
            if (!NUMERIC_CELL.matcher(text).matches()) {
                throw new RowProblem(messages.t("vacancy.import.badNumber", messages.t(fieldKey), text));
            }
            n = new BigDecimal(text);
        }
        if (n.abs().compareTo(new BigDecimal("1000000000")) > 0) {
            throw new RowProblem(messages.t("vacancy.import.badNumber", messages.t(fieldKey), text));
        }
        return n;
    }

    private static String key(String text) {
        return HeaderNames.key(text);
    }

    private static <E> Map<String, E> words(Map<E, List<String>> byValue) {
        Map<String, E> m = new LinkedHashMap<>();
        byValue.forEach((e, list) -> list.forEach(w -> m.put(HeaderNames.key(w), e)));
        return m;
    }
}
