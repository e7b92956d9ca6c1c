package it.ricolloca.reporting.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's first table: requesters per competent CPI and request status, with the row and column
 * totals and the headline figures: share of the invited sample, change from the previous list,
 * share choosing a CPI as provider and which providers. Its source is the ministerial list in force
 * at the date (the latest imported on or before it) or, when no list is in force or when asked, the
 * requests Ricolloca itself holds, each in the status it had on that date. Counted by the database,
 * grouped; no request is loaded to be counted. Lines and totals follow the filter (one CPI, one
 * province) and the user's scope; when they are narrowed, the regional totals come as a line apart.
 */
@Component
@Transactional(readOnly = true)
public class RequestsByCentre {

    /** The seed's columns, in the seed's order; any other status found follows them, in the enum's order. */
    public static final List<RequestStatus> SEED_COLUMNS = List.of(RequestStatus.NOTICE_OF_REJECTION,
            RequestStatus.REQUESTED, RequestStatus.RELEASED);

    /** Where the counts come from. */
    public enum Source {
        /** The ministerial list in force at the date. */
        LIST,
        /** The requests registered in Ricolloca, in their status at the date. */
        OWN;

        public static Optional<Source> of(String text) {
            for (Source s : values()) {
                if (s.name().equals(text)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** What the table covers: a date, optionally one CPI or one province, and the source (null: the list if one is in force). */
    public record Query(LocalDate date, Long centre, String province, Source source) {

        public Query {
            province = province == null || !province.strip().matches("[A-Za-z]{2}") ? null
                    : province.strip().toUpperCase();
        }
    }

    /** One CPI's row; a status it has none of counts 0 here and shows as a blank cell. */
    public record Row(long centreId, String centre, Map<RequestStatus, Long> counts, long total) {
    }

    /** A provider (CPI office or agency) and how many requesters chose it; type and name are null when nobody said. */
    public record ProviderShare(String type, String provider, long requests) {
    }

    /**
     * The whole table and its headline figures; shares are fractions (0.056 is 5.6%). The invited
     * sample is null when no worker of the selection is in a sample loaded by that date: then no share
     * is computed. Nor is it when there are more requesters than invited workers (the sample loaded
     * is short: {@code sampleShort}), so a share never exceeds 100%. Region totals are null unless
     * the lines are narrowed.
     */
    public record Report(Source source, LocalDate date, LocalDate snapshotDate, boolean listsImported, boolean narrowed,
            List<RequestStatus> columns, List<Row> rows, Map<RequestStatus, Long> totals, long total,
            Map<RequestStatus, Long> regionTotals, Long regionTotal, Long invitedSample, boolean sampleShort,
            BigDecimal shareOfSample, LocalDate previousSnapshotDate,
            BigDecimal changeFromPrevious, BigDecimal shareChoosingCentre, List<ProviderShare> providers) {

        public boolean fromList() {
            return source == Source.LIST;
        }

        /** Whether there is a table to show: lines of the selection, or the region's total beside none. */
        public boolean hasTable() {
            return !rows.isEmpty() || (regionTotal != null && regionTotal > 0);
        }
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

    /** The whole region's table from the ministerial list in force on that date, if any list was imported by then. */
    public Optional<Report> report(CurrentUser user, LocalDate date) {
        return snapshotOn(date).map(s -> report(user, new Query(date, null, null, Source.LIST)));
    }

    /** The table for the query: from the list in force, or from Ricolloca's own requests when none is or when asked. */
    public Report report(CurrentUser user, Query q) {
        Optional<Snapshot> snapshot = q.source() == Source.OWN ? Optional.empty() : snapshotOn(q.date());
        boolean listsImported = snapshot.isPresent()
                || jdbc.sql("select exists (select 1 from requests_import)").query(Boolean.class).single();
        Map<Long, CentreSummary> all = new HashMap<>();
        centres.all().forEach(c -> all.put(c.id(), c));
        Long scope = user.scopeCentreId();
        LongPredicate shown = id -> (scope == null || scope == id) && (q.centre() == null || q.centre() == id)
                && (q.province() == null || (all.containsKey(id) && q.province().equals(all.get(id).province())));
        boolean narrowed = scope != null || q.centre() != null || q.province() != null;
        Long[] selected = all.keySet().stream().filter(shown::test).sorted().toArray(Long[]::new);

        Map<Long, Map<RequestStatus, Long>> byCentre = snapshot.map(s -> listCounts(s.id()))
                .orElseGet(() -> ownCounts(q.date()));
        Map<RequestStatus, Long> regionTotals = zeros();
        Map<RequestStatus, Long> totals = zeros();
        List<Row> rows = new ArrayList<>();
        byCentre.forEach((centre, c) -> {
            c.forEach((s, n) -> regionTotals.merge(s, n, Long::sum));
            if (shown.test(centre)) {
                c.forEach((s, n) -> totals.merge(s, n, Long::sum));
                CentreSummary summary = all.get(centre);
                Map<RequestStatus, Long> counts = zeros();
                counts.putAll(c);
                rows.add(new Row(centre, summary == null ? "" : summary.name(), counts, sum(counts)));
            }
        });
        rows.sort(Comparator.comparing(Row::centre));
        long total = sum(totals);

        long sample = invited(q.date(), narrowed, selected);
        Long invited = sample == 0 ? null : sample;
        boolean sampleShort = invited != null && total > invited;
        LocalDate previousDate = null;
        BigDecimal change = null;
        if (snapshot.isPresent()) {
            Optional<Snapshot> previous = jdbc.sql("""
                    select id, snapshot_date from requests_import where snapshot_date < ?
                    order by snapshot_date desc, id desc limit 1""").param(snapshot.get().date())
                    .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getObject(2, LocalDate.class))).optional();
            if (previous.isPresent()) {
                previousDate = previous.get().date();
                long before = listCounts(previous.get().id()).entrySet().stream().filter(e -> shown.test(e.getKey()))
                        .mapToLong(e -> sum(e.getValue())).sum();
                change = before == 0 ? null : fraction(total - before, before);
            }
        }
        List<ProviderShare> providers = providers(snapshot, q.date(), narrowed, selected);
        long choosingCentre = providers.stream().filter(p -> "CPI".equals(p.type())).mapToLong(ProviderShare::requests)
                .sum();
        List<RequestStatus> columns = new ArrayList<>(SEED_COLUMNS);
        for (RequestStatus s : RequestStatus.values()) {
            if (!columns.contains(s) && (totals.get(s) > 0 || (narrowed && regionTotals.get(s) > 0))) {
                columns.add(s);
            }
        }
        return new Report(snapshot.isPresent() ? Source.LIST : Source.OWN, q.date(),
                snapshot.map(Snapshot::date).orElse(null), listsImported, narrowed, columns, rows, totals, total,
                narrowed ? regionTotals : null, narrowed ? sum(regionTotals) : null, invited, sampleShort,
                invited == null || sampleShort ? null : fraction(total, invited), previousDate, change,
                fraction(choosingCentre, total), providers);
    }

    /** The counts of a ministerial list per CPI and status, kept once counted. */
    private Map<Long, Map<RequestStatus, Long>> listCounts(long importId) {
        counts.ensure(importId);
        Map<Long, Map<RequestStatus, Long>> byCentre = new LinkedHashMap<>();
        jdbc.sql("select competent_centre_id, status, requests from reporting_snapshot_count where import_id = ?")
                .param(importId).query((rs, n) -> byCentre.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(RequestStatus.class))
                        .merge(RequestStatus.valueOf(rs.getString(2)), rs.getLong(3), Long::sum))
                .list();
        return byCentre;
    }

    /**
     * Ricolloca's own requests filed on or before the date, per competent CPI and their status on that
     * date: the current one when it was reached by then, else the last change recorded by then, else
     * {@code REQUESTED} (every request starts so; a list may have brought it later in another status).
     */
    private Map<Long, Map<RequestStatus, Long>> ownCounts(LocalDate date) {
        Map<Long, Map<RequestStatus, Long>> byCentre = new LinkedHashMap<>();
        jdbc.sql("""
                with later as (
                    select r.id from requests_voucher_request r where r.request_date <= :d and r.status_date > :d),
                e as (
                    select distinct on (ev.request_id) ev.request_id, ev.to_status from requests_event ev
                    join later on later.id = ev.request_id
                    where ev.effective_on <= :d and ev.to_status is not null
                    order by ev.request_id, ev.effective_on desc, ev.occurred_at desc, ev.id desc)
                select r.competent_centre_id,
                    case when r.status_date <= :d then r.status else coalesce(e.to_status, 'REQUESTED') end, count(*)
                from requests_voucher_request r left join e on e.request_id = r.id
                where r.request_date <= :d group by 1, 2""").param("d", date)
                .query((rs, n) -> byCentre.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(RequestStatus.class))
                        .merge(RequestStatus.valueOf(rs.getString(2)), rs.getLong(3), Long::sum))
                .list();
        return byCentre;
    }

    /**
     * The invited sample of the selection: the workers of its CPIs invited by the date (all of them for the
     * region), read from the counts the database keeps per CPI and first invitation date (V62, ADR 0037).
     */
    private long invited(LocalDate date, boolean narrowed, Long[] selected) {
        return jdbc.sql("""
                select coalesce(sum(workers), 0) from reporting_invited_count
                where first_on <= :d and (not :narrowed or centre_id = any (cast(:centres as bigint[])))""")
                .param("d", date).param("narrowed", narrowed).param("centres", selected).query(Long.class).single();
    }

    /**
     * The providers chosen, named: the CPI and its office, else the name the list gives; most chosen first.
     * For a list, from the counts kept with it (the names joined now); for Ricolloca's own requests, counted.
     */
    private List<ProviderShare> providers(Optional<Snapshot> snapshot, LocalDate date, boolean narrowed, Long[] selected) {
        if (snapshot.isPresent()) {
            return jdbc.sql("""
                    select p.provider_type,
                        case when o.id is not null then
                            case when lower(o.name) = lower(j.name) then j.name else j.name || ' – ' || o.name end
                        else p.provider_label end as name,
                        sum(p.requests)
                    from reporting_snapshot_provider p left join network_office o on o.id = p.provider_office_id
                    left join network_job_centre j on j.id = o.centre_id
                    where p.import_id = :import
                      and (not :narrowed or p.competent_centre_id = any (cast(:centres as bigint[])))
                    group by 1, 2 having sum(p.requests) > 0 order by 3 desc, 2 nulls last, 1 nulls last""")
                    .param("import", snapshot.get().id()).param("narrowed", narrowed).param("centres", selected)
                    .query((rs, n) -> new ProviderShare(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        }
        String requests = """
                select r.provider_type, r.provider_name, r.provider_office, r.provider_office_id,
                    r.competent_centre_id as centre
                from requests_voucher_request r where r.request_date <= :d""";
        return jdbc.sql("with q as (" + requests + ")" + """
                select q.provider_type,
                    case when o.id is not null then
                        case when lower(o.name) = lower(j.name) then j.name else j.name || ' – ' || o.name end
                    else coalesce(nullif(trim(q.provider_name), ''), nullif(trim(q.provider_office), '')) end as name,
                    count(*)
                from q left join network_office o on o.id = q.provider_office_id
                left join network_job_centre j on j.id = o.centre_id
                where not :narrowed or q.centre = any (cast(:centres as bigint[]))
                group by 1, 2 order by 3 desc, 2 nulls last, 1 nulls last""")
                .param("d", date).param("narrowed", narrowed)
                .param("centres", selected)
                .query((rs, n) -> new ProviderShare(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The requests behind one cell of a list's table (a CPI, a status, or both), a page at a time. */
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
        Map<RequestStatus, Long> m = new EnumMap<>(RequestStatus.class);
        for (RequestStatus s : RequestStatus.values()) {
            m.put(s, 0L);
        }
        return m;
    }

    private static long sum(Map<RequestStatus, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static BigDecimal fraction(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
