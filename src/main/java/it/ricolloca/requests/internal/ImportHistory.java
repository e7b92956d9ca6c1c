package it.ricolloca.requests.internal;

import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.tabular.ImportReport.Rejection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Past imports, their rejected rows and what each snapshot says, CPI by CPI and status by status. */
@Component
@Transactional(readOnly = true)
public class ImportHistory {

    /** One past import. */
    public record Entry(long id, LocalDate snapshotDate, String fileName, String importedBy, Instant importedAt, int read,
            int created, int updated, int unchanged, int rejected, int workersCreated) {
    }

    /** How many requests a snapshot counts for one CPI in one status. */
    public record Cell(String centre, String status, long count) {
    }

    private final JdbcClient jdbc;
    private final JobCentres centres;

    ImportHistory(JdbcClient jdbc, JobCentres centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    public Page<Entry> page(int page, int size) {
        long total = jdbc.sql("select count(*) from requests_import").query(Long.class).single();
        List<Entry> rows = jdbc.sql(SELECT + " order by snapshot_date desc, id desc limit ? offset ?")
                .params(size, (long) page * size).query(ImportHistory::entry).list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    public Entry get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ImportHistory::entry).optional()
                .orElseThrow(NotFoundException::new);
    }

    public List<Entry> all() {
        return jdbc.sql(SELECT + " order by snapshot_date desc, id desc").query(ImportHistory::entry).list();
    }

    public List<Rejection> rejections(long id, int limit) {
        return jdbc.sql("select line, tax_code, reason from requests_import_rejection where import_id = ? order by line limit ?")
                .params(id, limit).query((rs, n) -> new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Requests of a snapshot by CPI and status: the table the seed shows. The CPIs' names and their order
     * (by name) come from the network's public API.
     */
    public List<Cell> byCentreAndStatus(long id) {
        List<CentreSummary> byName = centres.all();
        Map<Long, Integer> rank = new HashMap<>();
        for (CentreSummary c : byName) {
            rank.put(c.id(), rank.size());
        }
        record Counted(long centreId, String status, long count) {
        }
        return jdbc.sql("""
                select competent_centre_id, status, count(*) from requests_snapshot_entry
                where import_id = ? group by competent_centre_id, status""")
                .param(id).query((rs, n) -> new Counted(rs.getLong(1), rs.getString(2), rs.getLong(3))).list().stream()
                .sorted(Comparator.comparing((Counted c) -> rank.getOrDefault(c.centreId(), Integer.MAX_VALUE))
                        .thenComparing(Counted::status))
                .map(c -> new Cell(rank.containsKey(c.centreId()) ? byName.get(rank.get(c.centreId())).name()
                        : String.valueOf(c.centreId()), c.status(), c.count()))
                .toList();
    }

    /** Requests of a snapshot by status. */
    public Map<String, Long> byStatus(long id) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select status, count(*) from requests_snapshot_entry where import_id = ? group by status").param(id)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** How many requests changed status between two snapshots (present in both). */
    public long changedBetween(long from, long to) {
        return jdbc.sql("""
                select count(*) from requests_snapshot_entry a join requests_snapshot_entry b
                on b.request_id = a.request_id and b.import_id = ? where a.import_id = ? and a.status <> b.status""")
                .params(to, from).query(Long.class).single();
    }

    private static final String SELECT = """
            select id, snapshot_date, file_name, imported_by, imported_at, rows_read, created, updated, unchanged,
                rejected, workers_created from requests_import""";

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                rs.getInt(11));
    }
}
