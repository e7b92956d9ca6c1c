package it.ricolloca.workers.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.tabular.HeaderNames;
import it.ricolloca.shared.tabular.ImportReport.Rejection;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.progress.Progress;
import it.ricolloca.shared.tabular.ImportWork;
import it.ricolloca.shared.tabular.RowHandler;
import it.ricolloca.shared.tabular.StagingCopy;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.tabular.UnreadableFileException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the list of invited codici fiscali (the pilot's sample) with the date of the
 * invitation. Workers not yet in the register are created as stubs flagged for completion,
 * with the names and CPI the file gives. Idempotent by file hash and date; atomic; every
 * rejected row reported.
 */
@Service
public class InvitationImporter {

    /** The columns of the invited list. */
    public enum Column {
        TAX_CODE, LAST_NAME, FIRST_NAME, COMPETENT_CENTRE
    }

    public static final HeaderNames<Column> HEADERS = new HeaderNames<>(new EnumMap<>(Map.of(
            Column.TAX_CODE, List.of("codice fiscale", "cf", "codice fiscale lavoratore", "codicefiscale"),
            Column.LAST_NAME, List.of("cognome"),
            Column.FIRST_NAME, List.of("nome"),
            Column.COMPETENT_CENTRE, List.of("cpi competente", "cpi", "centro per l'impiego competente",
                    "centro per l'impiego"))));

    private static final long LOCK = 0x49_4E_56_49_54_45L;

    /** A refused import request: a missing or future date. */
    public static class InvitationRejectedException extends DomainException {
        InvitationRejectedException(String key) {
            super(key);
        }
    }

    record Row(String taxCode, LocalDate birthDate, String sex, Long centreId, String lastName, String firstName) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final JobCentres centres;
    private final AuditTrail audit;
    private final Messages messages;

    private final TabularReader reader;

    InvitationImporter(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, JobCentres centres,
            AuditTrail audit, Messages messages, TabularReader reader) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.centres = centres;
        this.audit = audit;
        this.messages = messages;
    }

    public ImportReport importFile(CurrentUser actor, String fileName, byte[] content, LocalDate invitationDate) {
        try (TabularSource source = TabularSource.of(fileName, content)) {
            return importFile(actor, source, invitationDate);
        }
    }

    /** Imports the file on this node, within its import permits and memory budget (refused when busy). */
    public ImportReport importFile(CurrentUser actor, TabularSource source, LocalDate invitationDate) {
        return importFile(actor, source, invitationDate, Progress.NONE);
    }

    /** Imports the file, reporting its rows to {@code progress} as they are read (ADR 0028). */
    public ImportReport importFile(CurrentUser actor, TabularSource source, LocalDate invitationDate, Progress progress) {
        if (!actor.hasRole(Role.REGIONAL_ADMIN)
                && !actor.hasRole(Role.REGIONAL_ADR_SERVICE)) {
            throw new NotFoundException();
        }
        if (invitationDate == null) {
            throw new InvitationRejectedException("invitation.date.missing");
        }
        if (invitationDate.isAfter(Dates.today())) {
            throw new InvitationRejectedException("invitation.date.future");
        }
        String sha = source.sha256();
        Optional<ImportReport> earlier = previous(sha, invitationDate);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try (ImportWork work = reader.begin()) {
            work.track(progress);
            List<Row> rows = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            int read = parse(source, work, rows, rejections);
            String fileName = source.fileName();
            String name = fileName.isBlank() ? "-" : fileName.strip();
            return tx.execute(s -> write(actor, name.length() > 255 ? name.substring(0, 255) : name, sha, invitationDate,
                    read, rows, rejections));
        }
    }

    private int parse(TabularSource source, ImportWork work, List<Row> rows, List<Rejection> rejections) {
        Function<String, Optional<CentreSummary>> recognise = centres.recogniser();
        Map<String, Integer> seen = new HashMap<>();
        int[] read = {0};
        work.read(source, new RowHandler() {
            private Map<Column, Integer> columns;

            @Override
            public void header(List<String> names) {
                columns = HEADERS.locate(names);
                if (!columns.containsKey(Column.TAX_CODE)) {
                    throw new UnreadableFileException("import.header.missing", messages.t("import.column.TAX_CODE"));
                }
            }

            @Override
            public void row(int line, List<String> cells) {
                read[0]++;
                String raw = cell(cells, Column.TAX_CODE);
                String shown = raw.length() > 40 ? raw.substring(0, 40) : raw;
                Optional<CodiceFiscale.Problem> problem = CodiceFiscale.check(raw);
                if (problem.isPresent()) {
                    rejections.add(new Rejection(line, shown, messages.t("import.reject.taxCode",
                            messages.t(problem.get().messageKey(), problem.get().args()))));
                    return;
                }
                CodiceFiscale cf = CodiceFiscale.of(raw);
                Integer first = seen.putIfAbsent(cf.value(), line);
                if (first != null) {
                    rejections.add(new Rejection(line, shown, messages.t("invitation.reject.duplicate", first)));
                    return;
                }
                String centreText = cell(cells, Column.COMPETENT_CENTRE);
                Long centreId = null;
                if (!centreText.isEmpty()) {
                    Optional<CentreSummary> centre = recognise.apply(centreText);
                    if (centre.isEmpty()) {
                        rejections.add(new Rejection(line, shown, messages.t("import.reject.centre",
                                centreText.length() > 60 ? centreText.substring(0, 60) + "…" : centreText)));
                        return;
                    }
                    centreId = centre.get().id();
                }
                String last = cell(cells, Column.LAST_NAME);
                String firstName = cell(cells, Column.FIRST_NAME);
                if (last.length() > 100 || firstName.length() > 100) {
                    rejections.add(new Rejection(line, shown, messages.t("invitation.reject.nameTooLong")));
                    return;
                }
                rows.add(new Row(cf.value(), cf.birthDate(), cf.sex().name(), centreId, last.isEmpty() ? null : last,
                        firstName.isEmpty() ? null : firstName));
            }

            private String cell(List<String> cells, Column column) {
                Integer i = columns.get(column);
                return i == null || i >= cells.size() ? "" : cells.get(i);
            }
        });
        if (read[0] == 0) {
            throw new UnreadableFileException("import.file.noRows");
        }
        return read[0];
    }

    private ImportReport write(CurrentUser actor, String fileName, String sha, LocalDate date, int read, List<Row> rows,
            List<Rejection> rejections) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
        Optional<ImportReport> raced = previous(sha, date);
        if (raced.isPresent()) {
            return raced.get();
        }
        long importId = jdbc.sql("""
                insert into workers_invitation_import (invitation_date, file_name, file_sha256, imported_by, imported_at,
                    rows_read, invited, already_invited, rejected, workers_created)
                values (?, ?, ?, ?, ?, ?, 0, 0, ?, 0) returning id""")
                .params(date, fileName, sha, actor.username(), Timestamp.from(Instant.now()), read, rejections.size())
                .query(Long.class).single();
        jdbc.sql("""
                create temp table staging_invitations (tax_code varchar(16), birth_date date, sex varchar(1),
                    centre_id bigint, last_name varchar(100), first_name varchar(100)) on commit drop""").update();
        StringBuilder text = new StringBuilder(rows.size() * 64);
        for (Row r : rows) {
            StagingCopy.line(text, r.taxCode(), r.birthDate(), r.sex(), r.centreId(), r.lastName(), r.firstName());
        }
        StagingCopy.copyIn(dataSource, "staging_invitations", text);
        jdbc.sql("analyze staging_invitations").update();
        int workersCreated = jdbc.sql("""
                insert into workers_worker (tax_code, birth_date, sex, competent_centre_id, last_name, first_name,
                    needs_completion)
                select tax_code, birth_date, sex, centre_id, last_name, first_name, (last_name is null or first_name is null)
                from staging_invitations
                on conflict (tax_code) do nothing""").update();
        int invited = jdbc.sql("""
                insert into workers_invitation (worker_id, invitation_date, import_id)
                select w.id, ?, ? from staging_invitations s join workers_worker w on w.tax_code = s.tax_code
                on conflict (worker_id, invitation_date) do nothing""").params(date, importId).update();
        StringBuilder refused = new StringBuilder();
        for (Rejection r : rejections) {
            StagingCopy.line(refused, importId, r.line(), r.taxCode(), r.reason());
        }
        StagingCopy.copyIn(dataSource, "workers_invitation_rejection", refused);
        int already = rows.size() - invited;
        jdbc.sql("update workers_invitation_import set invited = ?, already_invited = ?, workers_created = ? where id = ?")
                .params(invited, already, workersCreated, importId).update();
        audit.record("INVITATIONS_IMPORTED", "InvitationImport", importId, Detail.of("audit.detail.invitations", date, read,
                invited, already, workersCreated, rejections.size()).encoded());
        return new ImportReport(importId, false, date, read, invited, 0, already, rejections.size(), workersCreated,
                reader.limits().listed(rejections));
    }

    private Optional<ImportReport> previous(String sha, LocalDate date) {
        return jdbc.sql("select id, rows_read from workers_invitation_import where file_sha256 = ? and invitation_date = ?")
                .params(sha, date)
                .query((rs, n) -> new ImportReport(rs.getLong(1), true, date, rs.getInt(2), 0, 0, rs.getInt(2), 0, 0,
                        List.of()))
                .optional();
    }
}
