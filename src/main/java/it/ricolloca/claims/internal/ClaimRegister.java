package it.ricolloca.claims.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.claims.ClaimKind;
import it.ricolloca.claims.ClaimStatus;
import it.ricolloca.claims.TariffBand;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.shared.tabular.SheetCells;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims register: the claims of the user's CPI (every CPI for the region), searched by the
 * worker's name or codice fiscale and filtered by status, kind and CPI; paged on the page,
 * whole in the XLSX.
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

    private static final String FROM = """
             from claims_claim c join workers_worker w on w.id = c.worker_id
            join network_job_centre j on j.id = c.centre_id join network_office o on o.id = c.office_id
            where (cast(:centre as bigint) is null or c.centre_id = :centre)
              and (cast(:status as varchar) is null or c.status = :status)
              and (cast(:kind as varchar) is null or c.kind = :kind)
              and (cast(:q as varchar) is null or w.tax_code = upper(:q)
                   or lower(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')) like :like
                   or lower(coalesce(w.first_name, '') || ' ' || coalesce(w.last_name, '')) like :like)""";

    private static final String COLUMNS = """
            select c.id, c.pathway_id, trim(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')), w.tax_code,
                j.name, o.name, c.kind, c.status, c.closed_on, c.band, c.contract, c.profiling_index, c.claimed_hours,
                c.amount, c.paid_amount, c.submitted_on, c.decided_on""";

    private final JdbcClient jdbc;

    ClaimRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Line> page(CurrentUser user, Filter filter, int page, int size) {
        Filter f = scoped(user, filter);
        long total = bind(jdbc.sql("select count(*)" + FROM), f).query(Long.class).single();
        List<Line> lines = bind(jdbc.sql(COLUMNS + FROM + " order by c.closed_on desc, c.id desc limit :size offset :offset"),
                f).param("size", size).param("offset", (long) page * size).query(ClaimRegister::line).list();
        return new PageImpl<>(lines, PageRequest.of(page, size), total);
    }

    public Totals totals(CurrentUser user, Filter filter) {
        return bind(jdbc.sql("select count(*), coalesce(sum(c.amount), 0), coalesce(sum(c.paid_amount), 0)" + FROM),
                scoped(user, filter)).query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }

    /** The register as XLSX, every selected claim, streamed; the header in Italian, text neutralised. */
    public void xlsx(CurrentUser user, Filter filter, Function<String, String> t, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(t.apply("claim.register.sheet"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            String[] header = {"claim.col.id", "claim.col.worker", "claim.col.taxCode", "claim.col.centre",
                "claim.col.office", "claim.col.kind", "claim.col.status", "claim.col.closedOn", "claim.col.band",
                "claim.col.contract", "claim.col.profiling", "claim.col.hours", "claim.col.amount", "claim.col.paid",
                "claim.col.submittedOn", "claim.col.decidedOn"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                SheetCells.write(head, i, t.apply(header[i]), date);
            }
            int[] r = {1};
            bind(jdbc.sql(COLUMNS + FROM + " order by j.name, c.closed_on, c.id"), scoped(user, filter))
                    .query(ClaimRegister::line).stream().forEach(l -> {
                        Row row = sheet.createRow(r[0]++);
                        Object[] v = {l.id(), l.worker(), l.taxCode(), l.centre(), l.office(), t.apply(l.kind().labelKey()),
                            t.apply(l.status().labelKey()), sql(l.closedOn()),
                            l.band() == null ? null : t.apply(l.band().labelKey()),
                            l.contract() == null ? null : t.apply(l.contract().labelKey()), l.profilingIndex(),
                            l.claimedHours(), l.amount(), l.paidAmount(), sql(l.submittedOn()), sql(l.decidedOn())};
                        for (int i = 0; i < v.length; i++) {
                            SheetCells.write(row, i, v[i], date);
                        }
                    });
            wb.write(out);
            wb.dispose();
        }
    }

    private static java.sql.Date sql(LocalDate d) {
        return d == null ? null : java.sql.Date.valueOf(d);
    }

    /** A CPI user sees only their CPI, whatever the filter says. */
    private static Filter scoped(CurrentUser user, Filter f) {
        Long centre = user.scopeCentreId() != null ? user.scopeCentreId() : f.centre();
        String q = f.q() == null || f.q().isBlank() ? null : f.q().strip();
        return new Filter(q == null || q.length() > 100 ? (q == null ? null : q.substring(0, 100)) : q, f.status(),
                f.kind(), centre);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("centre", f.centre()).param("status", f.status() == null ? null : f.status().name())
                .param("kind", f.kind() == null ? null : f.kind().name()).param("q", f.q())
                .param("like", f.q() == null ? null : "%" + f.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        return new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                ClaimKind.valueOf(rs.getString(7)), ClaimStatus.valueOf(rs.getString(8)), date(rs, 9),
                rs.getString(10) == null ? null : TariffBand.valueOf(rs.getString(10)),
                rs.getString(11) == null ? null : ContractType.valueOf(rs.getString(11)), rs.getBigDecimal(12),
                rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBigDecimal(15), date(rs, 16), date(rs, 17));
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        java.sql.Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }
}
