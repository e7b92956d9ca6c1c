package it.ricolloca.reporting.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's first table: requesters per competent CPI and request status, as the ministerial list
 * of a snapshot date says (the latest list imported on or before that date), with the row and
 * column totals and the headline figures: share of the invited sample, change from the previous
 * snapshot, share choosing a CPI as provider and which CPIs. Counted by the database, grouped;
 * no request is loaded to be counted. A CPI sees its own row and the regional totals.
 */
@Component
@Transactional(readOnly = true)
public class RequestsByCentre {

    /** One CPI's row. */
    public record Row(long centreId, String centre, Map<RequestStatus, Long> counts, long total) {
    }

    /** A provider CPI and how many requesters of the snapshot chose it. */
    public record ProviderShare(String provider, long requests) {
    }

    /** The whole table and its headline figures; shares are fractions (0.056 is 5.6%). */
    public record Report(LocalDate snapshotDate, long importId, List<Row> rows, Map<RequestStatus, Long> totals,
            long total, long invitedSample, BigDecimal shareOfSample, LocalDate previousSnapshotDate,
            BigDecimal changeFromPrevious, BigDecimal shareChoosingCentre, List<ProviderShare> providers) {
    }

    /** A request behind a cell of the table. */
    public record CellRequest(long requestId, String taxCode, String workerName, LocalDate requestDate,
            RequestStatus status, LocalDate statusDate) {
    }

    private final JdbcClient jdbc;
    private final JobCentres centres;
    private final SnapshotCounts counts;

    RequestsByCentre(JdbcClient jdbc, JobCentres centres, SnapshotCounts counts) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.counts = counts;
    }

    /** The snapshots imported, newest first, for the page's choice. */
    public List<LocalDate> snapshotDates() {
        return jdbc.sql("select distinct snapshot_date from requests_import order by snapshot_date desc")
                .query(LocalDate.class).list();
    }

    /** The report for the snapshot in force on that date, if any list was imported by then. */
    public Optional<Report> report(CurrentUser user, LocalDate date) {
        Optional<Snapshot> snapshot = snapshotOn(date);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        Snapshot s = snapshot.get();
        Map<Long, String> names = centres.names();
        Map<Long, Map<RequestStatus, Long>> byCentre = new LinkedHashMap<>();
        Map<RequestStatus, Long> totals = zeros();
        counts.ensure(s.id());
        jdbc.sql("""
                select competent_centre_id, status, requests from reporting_snapshot_count where import_id = ?""")
                .param(s.id())
                .query((rs, n) -> {
                    RequestStatus status = RequestStatus.valueOf(rs.getString(2));
                    long count = rs.getLong(3);
                    totals.merge(status, count, Long::sum);
                    byCentre.computeIfAbsent(rs.getLong(1), k -> zeros()).merge(status, count, Long::sum);
                    return null;
                }).list();
        long total = totals.values().stream().mapToLong(Long::longValue).sum();
        List<Row> rows = new ArrayList<>();
        byCentre.forEach((centre, counts) -> {
            if (user.canSeeCentre(centre)) {
                rows.add(new Row(centre, names.getOrDefault(centre, ""), counts,
                        counts.values().stream().mapToLong(Long::longValue).sum()));
            }
        });
        rows.sort(Comparator.comparing(Row::centre));
        long invited = jdbc.sql("select count(distinct worker_id) from workers_invitation where invitation_date <= ?")
                .param(s.date()).query(Long.class).single();
        Optional<Snapshot> previous = jdbc.sql("""
                select id, snapshot_date from requests_import where snapshot_date < ?
                order by snapshot_date desc, id desc limit 1""").param(s.date())
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getObject(2, LocalDate.class))).optional();
        BigDecimal change = previous.map(p -> {
            counts.ensure(p.id());
            long before = jdbc.sql("select coalesce(sum(requests), 0) from reporting_snapshot_count where import_id = ?")
                    .param(p.id()).query(Long.class).single();
            return before == 0 ? null : fraction(total - before, before);
        }).orElse(null);
        List<ProviderShare> providers = jdbc.sql("""
                select coalesce(nullif(r.provider_name, ''), '—'), count(*) from requests_snapshot_entry e
                join requests_voucher_request r on r.id = e.request_id
                where e.import_id = ? and r.provider_type = 'CPI' group by 1 order by 2 desc, 1""").param(s.id())
                .query((rs, n) -> new ProviderShare(rs.getString(1), rs.getLong(2))).list();
        long choosingCentre = providers.stream().mapToLong(ProviderShare::requests).sum();
        return Optional.of(new Report(s.date(), s.id(), rows, totals, total, invited, fraction(total, invited),
                previous.map(Snapshot::date).orElse(null), change, fraction(choosingCentre, total), providers));
    }

    /** The requests behind one cell (a CPI, a status, or both), a page at a time. */
    public Page<CellRequest> cell(CurrentUser user, LocalDate date, Long centreId, RequestStatus status, int page, int size) {
        Snapshot s = snapshotOn(date).orElseThrow(NotFoundException::new);
        if (centreId != null && !user.canSeeCentre(centreId)) {
            throw new NotFoundException();
        }
        Long centre = centreId != null ? centreId : user.scopeCentreId();
        String where = " " + """
                 where e.import_id = :import and (cast(:centre as bigint) is null or e.competent_centre_id = :centre)
                   and (cast(:status as varchar) is null or e.status = :status)""";
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("select count(*) from requests_snapshot_entry e" + where).param("import", s.id())
                .param("centre", centre).param("status", statusName).query(Long.class).single();
        List<CellRequest> rows = jdbc.sql("""
                select r.id, w.tax_code, trim(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')),
                    r.request_date, e.status, e.status_date
                from requests_snapshot_entry e join requests_voucher_request r on r.id = e.request_id
                join workers_worker w on w.id = r.worker_id""" + where + " order by w.tax_code limit :size offset :offset")
                .param("import", s.id()).param("centre", centre).param("status", statusName).param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new CellRequest(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), RequestStatus.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class)))
                .list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    private record Snapshot(long id, LocalDate date) {
    }

    private Optional<Snapshot> snapshotOn(LocalDate date) {
        return jdbc.sql("""
                select id, snapshot_date from requests_import where snapshot_date <= ?
                order by snapshot_date desc, id desc limit 1""").param(date)
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getObject(2, LocalDate.class))).optional();
    }

    private static Map<RequestStatus, Long> zeros() {
        Map<RequestStatus, Long> m = new LinkedHashMap<>();
        for (RequestStatus s : RequestStatus.values()) {
            m.put(s, 0L);
        }
        return m;
    }

    private static BigDecimal fraction(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
