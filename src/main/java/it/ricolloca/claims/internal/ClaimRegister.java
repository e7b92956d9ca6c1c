package it.ricolloca.claims.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.claims.ClaimKind;
import it.ricolloca.claims.ClaimStatus;
import it.ricolloca.claims.TariffBand;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.shared.search.PeopleCopy;
import it.ricolloca.shared.search.PeopleSearch;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.tabular.TabularWriter;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims register: the claims of the user's CPI (every CPI for the region), searched by the
 * worker's name or codice fiscale and filtered by status, kind and CPI; paged on the page,
 * whole in the XLSX. Workers, CPIs and offices are named through their modules, a batch per page.
 */
@Service
@Transactional(readOnly = true)
public class ClaimRegister {

    /** What the register shows; null fields are not filtered on. */
    public record Filter(String q, ClaimStatus status, ClaimKind kind, Long centre) {
    }

    /** One claim in the register. */
    public record Line(long id, long pathwayId, String worker, String taxCode, String centre, String office,
            ClaimKind kind, ClaimStatus status, LocalDate closedOn, TariffBand band, ContractType contract,
            BigDecimal profilingIndex, BigDecimal claimedHours, BigDecimal amount, BigDecimal paidAmount,
            LocalDate submittedOn, LocalDate decidedOn) {
    }

    /** The whole selection's count and amounts, not only the page's. */
    public record Totals(long claims, BigDecimal claimed, BigDecimal paid) {
    }

    /** A claim row before its worker, CPI and office are named. */
    private record Row(long id, long pathwayId, long workerId, long centreId, long officeId, ClaimKind kind,
            ClaimStatus status, LocalDate closedOn, TariffBand band, ContractType contract, BigDecimal profilingIndex,
            BigDecimal claimedHours, BigDecimal amount, BigDecimal paidAmount, LocalDate submittedOn,
            LocalDate decidedOn) {
    }

    private static final String FROM = """
             from claims_claim c
            where (cast(:centre as bigint) is null or c.centre_id = :centre)
              and (cast(:status as varchar) is null or c.status = :status)
              and (cast(:kind as varchar) is null or c.kind = :kind)""";

    private static final String COLUMNS = """
            select c.id, c.pathway_id, c.worker_id, c.centre_id, c.office_id, c.kind, c.status, c.closed_on, c.band,
                c.contract, c.profiling_index, c.claimed_hours, c.amount, c.paid_amount, c.submitted_on, c.decided_on""";

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final Workers workers;
    private final JobCentres centres;
    private final ClaimPeople people;

    ClaimRegister(JdbcClient jdbc, Workers workers, JobCentres centres, ClaimPeople people) {
        this.people = people;
        this.jdbc = jdbc;
        this.workers = workers;
        this.centres = centres;
    }

    /** A page of the register and the totals of every claim the filter selects. */
    public record Listing(Page<Line> page, Totals totals) {
    }

    /**
     * A page of the selected claims, the latest closed first, and their totals: the totals' count is the page's, so
     * the selection is counted once.
     */
    public Listing listing(CurrentUser user, Filter filter, int page, int size) {
        Scoped f = scoped(user, filter);
        people.copy().planSearch(f.search());
        Totals totals = bind(jdbc.sql("select count(*), coalesce(sum(c.amount), 0), coalesce(sum(c.paid_amount), 0)"
                + f.from()), f).query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
        List<Row> rows = totals.claims() == 0 ? List.of()
                : bind(jdbc.sql(COLUMNS + f.from() + " order by c.closed_on desc, c.id desc limit :size offset :offset"),
                        f).param("size", size).param("offset", (long) page * size).query(ClaimRegister::row).list();
        return new Listing(new PageImpl<>(named(rows), PageRequest.of(page, size), totals.claims()), totals);
    }

    /** The register as XLSX, every selected claim by CPI, then closing date; the header in Italian. */
    public void xlsx(CurrentUser user, Filter filter, Function<String, String> t, OutputStream out) {
        workbook(user, filter, t, TabularFormat.XLSX, out);
    }

    /** The register as an XLSX or ODS workbook. */
    public void workbook(CurrentUser user, Filter filter, Function<String, String> t, TabularFormat format,
            OutputStream out) {
        Scoped f = scoped(user, filter);
        people.copy().planSearch(f.search());
        List<Row> rows = bind(jdbc.sql(COLUMNS + f.from() + " order by c.closed_on, c.id"), f).query(ClaimRegister::row)
                .list();
        List<Line> lines = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            lines.addAll(named(rows.subList(from, Math.min(rows.size(), from + BATCH))));
        }
        lines.sort(Comparator.comparing(Line::centre));
        try (TabularWriter sheet = TabularWriter.workbook(format, out, t.apply("claim.register.sheet"))) {
            sheet.header(List.of("claim.col.id", "claim.col.worker", "claim.col.taxCode", "claim.col.centre",
                    "claim.col.office", "claim.col.kind", "claim.col.status", "claim.col.closedOn", "claim.col.band",
                    "claim.col.contract", "claim.col.profiling", "claim.col.hours", "claim.col.amount", "claim.col.paid",
                    "claim.col.submittedOn", "claim.col.decidedOn").stream().map(t).toList());
            for (Line l : lines) {
                sheet.row(l.id(), l.worker(), l.taxCode(), l.centre(), l.office(), t.apply(l.kind().labelKey()),
                        t.apply(l.status().labelKey()), l.closedOn(), l.band() == null ? null : t.apply(l.band().labelKey()),
                        l.contract() == null ? null : t.apply(l.contract().labelKey()), l.profilingIndex(),
                        l.claimedHours(), l.amount(), l.paidAmount(), l.submittedOn(), l.decidedOn());
            }
        }
    }

    /** The rows with their worker, CPI and office named: one query each for the whole batch. */
    private List<Line> named(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, WorkerSummary> named = workers.summaries(rows.stream().map(Row::workerId).toList());
        Map<Long, String> centreNames = centres.names();
        Map<Long, String> officeNames = centres.offices().stream()
                .collect(Collectors.toMap(OfficeSummary::id, OfficeSummary::name, (a, b) -> a));
        return rows.stream().map(r -> {
            WorkerSummary w = named.get(r.workerId());
            return new Line(r.id(), r.pathwayId(), w == null ? "" : (nz(w.lastName()) + " " + nz(w.firstName())).strip(),
                    w == null ? "" : w.taxCode(), centreNames.getOrDefault(r.centreId(), ""),
                    officeNames.getOrDefault(r.officeId(), ""), r.kind(), r.status(), r.closedOn(), r.band(), r.contract(),
                    r.profilingIndex(), r.claimedHours(), r.amount(), r.paidAmount(), r.submittedOn(), r.decidedOn());
        }).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * The filter as the database reads it: a CPI user sees only their CPI; a search names workers in the claims' own
     * copy of their names (ADR 0047).
     */
    private record Scoped(Long centre, ClaimStatus status, ClaimKind kind, PeopleSearch search, String from) {
    }

    private Scoped scoped(CurrentUser user, Filter f) {
        Long centre = user.scopeCentreId() != null ? user.scopeCentreId() : f.centre();
        PeopleSearch search = PeopleCopy.search(f.q());
        String named = people.copy().condition("c", search);
        return new Scoped(centre, f.status(), f.kind(), search, named == null ? FROM : FROM + " and " + named);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scoped f) {
        return f.search().bind(spec.param("centre", f.centre()).param("status", f.status() == null ? null : f.status().name())
                .param("kind", f.kind() == null ? null : f.kind().name()));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                ClaimKind.valueOf(rs.getString(6)), ClaimStatus.valueOf(rs.getString(7)), date(rs, 8),
                rs.getString(9) == null ? null : TariffBand.valueOf(rs.getString(9)),
                rs.getString(10) == null ? null : ContractType.valueOf(rs.getString(10)), rs.getBigDecimal(11),
                rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14), date(rs, 15), date(rs, 16));
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, LocalDate.class);
    }
}
