package it.ricolloca.reporting.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.network.JobCentres;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.reporting.internal.ReportTable.Column;
import it.ricolloca.reporting.internal.ReportTable.Kind;
import it.ricolloca.reporting.internal.ReportTable.Line;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.VacancySource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring's tables beyond the seed's: the funnel from request to hire with its median
 * times, the health of the pathways, breaches by type, outcomes by contract, the vacancy board by
 * CPI and by source, and the trend across the ministerial lists. Each is one grouped query (a
 * line per CPI and the total line from {@code grouping sets}); nothing is loaded to be counted.
 * The total follows the filter: with one CPI chosen, or for a CPI user, it is that CPI's line.
 */
@Component
@Transactional(readOnly = true)
public class NetworkFigures {

    /** The tables, in the page's order; the key names them in URLs and in the API. */
    public enum TableId {
        FUNNEL, HEALTH, BREACHES, OUTCOMES, BOARD_BY_CENTRE, BOARD_BY_SOURCE, INFORMATION, TREND;

        public static Optional<TableId> of(String text) {
            return Arrays.stream(values()).filter(t -> t.slug().equals(text)).findFirst();
        }

        public String slug() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final JdbcClient jdbc;
    private final JobCentres centres;
    private final Parameters parameters;
    private final SnapshotCounts counts;
    private final Messages messages;

    NetworkFigures(JdbcClient jdbc, JobCentres centres, Parameters parameters, SnapshotCounts counts, Messages messages) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.parameters = parameters;
        this.counts = counts;
        this.messages = messages;
    }

    public ReportTable table(CurrentUser user, TableId id, ReportFilter f) {
        return switch (id) {
            case FUNNEL -> funnel(user, f);
            case HEALTH -> health(user, f);
            case BREACHES -> breaches(user, f);
            case OUTCOMES -> outcomes(user, f);
            case BOARD_BY_CENTRE -> board(user, f, false);
            case BOARD_BY_SOURCE -> board(user, f, true);
            case INFORMATION -> information(user, f);
            case TREND -> trend(user, f);
        };
    }

    /** Requested → released → first appointment held → pact signed → hired, per competent CPI, with median days between steps. */
    ReportTable funnel(CurrentUser user, ReportFilter f) {
        List<Column> columns = List.of(count("requested"), count("released"), count("firstAppointment"),
                count("pactSigned"), count("hired"), days("daysToRelease"), days("daysToFirstAppointment"),
                days("daysToPact"), days("daysToHire"));
        // Kept counts and day histograms per CPI and month (V78, ADR 0043) for the period's whole months; the
        // period's other days read from the kept line per request. The medians are exact: the two middle ranks
        // of each histogram averaged, as percentile_cont gives them over whole days.
        String sql = """
                with j as (
                    select id from network_job_centre where cast(:province as varchar) is null or province = :province),
                l as (
                    select r.centre_id, r.request_date, r.released_on, r.first_on, r.pact_on, r.hired_on
                    from reporting_funnel_request r
                    where ((r.request_date >= :from and r.request_date < :wholeFrom)
                           or (r.request_date >= :wholeTo and r.request_date <= :to))
                      and r.request_date between :from and :to and r.centre_id in (select id from j)),
                c as (
                    select c.centre_id as centre, c.step, c.n from reporting_funnel_count c
                    where c.month >= :wholeFrom and c.month < :wholeTo and c.centre_id in (select id from j)
                    union all
                    select l.centre_id, v.step, 1 from l cross join lateral (values (1, true),
                        (2, l.released_on is not null), (3, l.first_on is not null), (4, l.pact_on is not null),
                        (5, l.hired_on is not null)) v (step, yes)
                    where v.yes),
                t as (
                    select centre, grouping(centre) as total, coalesce(sum(n) filter (where step = 1), 0) as requested,
                        coalesce(sum(n) filter (where step = 2), 0) as released,
                        coalesce(sum(n) filter (where step = 3), 0) as first_held,
                        coalesce(sum(n) filter (where step = 4), 0) as pact_signed,
                        coalesce(sum(n) filter (where step = 5), 0) as hired
                    from c group by grouping sets ((centre), ())),
                h as (
                    select d.centre_id as centre, d.kind, d.days, d.n from reporting_funnel_days d
                    where d.month >= :wholeFrom and d.month < :wholeTo and d.centre_id in (select id from j)
                    union all
                    select l.centre_id, v.kind, v.days, 1 from l cross join lateral (values
                        (1, l.released_on - l.request_date), (2, l.first_on - l.released_on),
                        (3, l.pact_on - l.first_on), (4, l.hired_on - coalesce(l.pact_on, l.first_on))) v (kind, days)
                    where v.days is not null),
                g as (
                    select centre, grouping(centre) as total, kind, days, cast(sum(n) as bigint) as n
                    from h group by grouping sets ((centre, kind, days), (kind, days))),
                u as (
                    select centre, total, kind, days, sum(n) over (partition by total, centre, kind order by days) as upto,
                        cast(sum(n) over (partition by total, centre, kind) as bigint) as cases
                    from g),
                m as (
                    select centre, total, kind, (min(days) filter (where upto > (cases - 1) / 2)
                        + min(days) filter (where upto > cases / 2)) / 2.0 as median
                    from u group by centre, total, kind)
                select t.centre, t.total, t.requested, t.released, t.first_held, t.pact_signed, t.hired,
                    max(m.median) filter (where m.kind = 1), max(m.median) filter (where m.kind = 2),
                    max(m.median) filter (where m.kind = 3), max(m.median) filter (where m.kind = 4)
                from t left join m on m.total = t.total and coalesce(m.centre, -1) = coalesce(t.centre, -1)
                where t.total = 1 or t.requested > 0
                group by t.centre, t.total, t.requested, t.released, t.first_held, t.pact_signed, t.hired""";
        // The period's whole months: from its first whole month to the month after its last whole one.
        LocalDate wholeFrom = f.from().getDayOfMonth() == 1 ? f.from() : f.from().withDayOfMonth(1).plusMonths(1);
        LocalDate wholeTo = f.to().plusDays(1).withDayOfMonth(1);
        return byCentre(user, f, TableId.FUNNEL, columns, sql, "monitoring.row.competentCentre",
                Map.of("wholeFrom", wholeFrom, "wholeTo", wholeTo));
    }

    /**
     * Accoglienza e informazione per competent CPI: workers invited in the period, workers informed in the
     * period, of them those told all four contents, and the share of the invited who were informed.
     */
    ReportTable information(CurrentUser user, ReportFilter f) {
        List<Column> columns = List.of(count("invited"), count("informed"), count("informedFully"),
                count("invitedInformed"), share("shareInformed"));
        // The invited from kept counts per CPI, invitation date and the worker's previous invitation date (V79,
        // ADR 0043): a worker invited in the period has exactly one invitation in it whose previous one is earlier
        // than the period. The informed (a few per CPI) are read as they are, with whether each was invited.
        String sql = """
                with j as (
                    select id from network_job_centre where cast(:province as varchar) is null or province = :province),
                v as (
                    select c.centre_id as centre, c.workers as invited, 0 as informed, 0 as fully,
                        0 as invited_informed
                    from reporting_invited_day_count c
                    where c.on_date between :from and :to and c.prev_on < :from and c.workers <> 0
                      and c.centre_id in (select id from j)),
                i as (
                    select worker_id, bool_or(about_service and about_voluntary and about_conditionality
                        and about_suitable_offer) as fully
                    from workers_information where informed_on between :from and :to group by worker_id),
                x as (
                    select w.competent_centre_id as centre, 0 as invited, 1 as informed,
                        case when i.fully then 1 else 0 end as fully,
                        case when exists (select 1 from workers_invitation n where n.worker_id = i.worker_id
                            and n.invitation_date between :from and :to) then 1 else 0 end as invited_informed
                    from i join workers_worker w on w.id = i.worker_id
                    where w.competent_centre_id in (select id from j)),
                y as (select * from v union all select * from x)
                select centre, grouping(centre), coalesce(sum(invited), 0), coalesce(sum(informed), 0),
                    coalesce(sum(fully), 0), coalesce(sum(invited_informed), 0), null
                from y group by grouping sets ((centre), ())
                having grouping(centre) = 1 or sum(invited) > 0 or sum(informed) > 0""";
        return withShare(byCentre(user, f, TableId.INFORMATION, columns, sql, "monitoring.row.competentCentre"), 4, 3, 0);
    }

    /** Open pathways per provider CPI: started, on time with the meeting rule, meetings and diary entries in the period, closed. */
    ReportTable health(CurrentUser user, ReportFilter f) {
        int every = parameters.integer(Parameter.MEETING_EVERY_DAYS, Dates.today());
        List<Column> columns = List.of(count("open"), count("started"), count("onTime"), share("shareOnTime"),
                count("meetingsHeld"), count("diaryEntries"), count("closed"));
        String sql = """
                with f as (
                    select request_id, min((starts_at at time zone 'Europe/Rome')::date) as started_on
                    from agenda_appointment where purpose = 'FIRST' and status = 'HELD' group by request_id),
                m as (
                    select pathway_id, max(on_date) filter (where status = 'HELD') as last_meeting,
                        count(*) filter (where status = 'HELD' and on_date between :from and :to) as meetings
                    from pathway_meeting group by pathway_id),
                d as (
                    select pathway_id, count(*) as diary from pathway_diary_entry
                    where on_date between :from and :to group by pathway_id),
                s as (select distinct pathway_id from pathway_suspension where resumed_on is null),
                p as (
                    select p.centre_id as centre, p.closed_on, f.started_on, m.last_meeting, s.pathway_id is not null
                        as suspended, coalesce(m.meetings, 0) as meetings, coalesce(d.diary, 0) as diary
                    from pathway_pathway p join network_job_centre j on j.id = p.centre_id
                    left join f on f.request_id = p.request_id left join m on m.pathway_id = p.id
                    left join d on d.pathway_id = p.id left join s on s.pathway_id = p.id
                    where cast(:province as varchar) is null or j.province = :province)
                select centre, grouping(centre), count(*) filter (where closed_on is null),
                    count(*) filter (where closed_on is null and started_on is not null),
                    count(*) filter (where closed_on is null and started_on is not null
                        and (suspended or greatest(started_on, last_meeting) >= cast(:since as date))),
                    null, coalesce(sum(meetings), 0), coalesce(sum(diary), 0),
                    count(*) filter (where closed_on between :from and :to)
                from p group by grouping sets ((centre), ())""";
        ReportTable t = byCentre(user, f, TableId.HEALTH, columns, sql, "monitoring.row.providerCentre",
                Map.of("since", Dates.today().minusDays(every)));
        return withShare(t, 3, 2, 1);
    }

    /** Breaches that occurred in the period, per competent CPI and type. */
    ReportTable breaches(CurrentUser user, ReportFilter f) {
        Map<Column, String> counted = new LinkedHashMap<>();
        for (BreachKind k : BreachKind.values()) {
            counted.put(new Column(k.name(), k.labelKey(), Kind.COUNT), "b.kind = '" + k.name() + "'");
        }
        return countedByCentre(user, f, TableId.BREACHES, counted, "b.competent_centre_id", " " + """
                from conditionality_breach b join network_job_centre j on j.id = b.competent_centre_id
                where b.occurred_on between :from and :to""", "monitoring.row.competentCentre");
    }

    /** Pathways closed in the period, per provider CPI: hires by contract, then the other outcomes. */
    ReportTable outcomes(CurrentUser user, ReportFilter f) {
        Map<Column, String> counted = new LinkedHashMap<>();
        for (ContractType c : ContractType.values()) {
            counted.put(new Column("HIRED_" + c.name(), "monitoring.col.hiredAs." + c.name(), Kind.COUNT),
                    "p.outcome = 'HIRED' and p.hire_contract = '" + c.name() + "'");
        }
        for (PathwayOutcome o : PathwayOutcome.values()) {
            if (o != PathwayOutcome.HIRED) {
                counted.put(new Column(o.name(), o.labelKey(), Kind.COUNT), "p.outcome = '" + o.name() + "'");
            }
        }
        return countedByCentre(user, f, TableId.OUTCOMES, counted, "p.centre_id", " " + """
                from pathway_pathway p join network_job_centre j on j.id = p.centre_id
                where p.closed_on between :from and :to""", "monitoring.row.providerCentre");
    }

    /**
     * A table of counts per CPI, one column per condition (built from enum constants, never from
     * input) and a total column; {@code from} joins the CPI as {@code j} for the province filter.
     */
    private ReportTable countedByCentre(CurrentUser user, ReportFilter f, TableId id, Map<Column, String> counted,
            String centre, String from, String rowHeaderKey) {
        List<Column> columns = new ArrayList<>(counted.keySet());
        columns.add(count("total"));
        StringBuilder sql = new StringBuilder("select ").append(centre).append(", grouping(").append(centre).append(")");
        counted.values().forEach(condition -> sql.append(", count(*) filter (where ").append(condition).append(")"));
        sql.append(", count(*)").append(from)
                .append(" and (cast(:province as varchar) is null or j.province = :province) group by grouping sets ((")
                .append(centre).append("), ())");
        return byCentre(user, f, id, columns, sql.toString(), rowHeaderKey);
    }

    /** The vacancy board per owning CPI (0: the regional services) or per source: open offers and positions, arrivals, referrals and hires in the period. */
    ReportTable board(CurrentUser user, ReportFilter f, boolean bySource) {
        List<Column> columns = List.of(count("openVacancies"), count("openPositions"), count("arrived"),
                count("referrals"), count("hires"));
        String key = bySource ? "v.source" : "coalesce(v.centre_id, 0)";
        String sql = """
                select %1$s, grouping(%1$s),
                    count(*) filter (where v.status in ('OPEN', 'IN_SELECTION')),
                    coalesce(sum(v.positions) filter (where v.status in ('OPEN', 'IN_SELECTION')), 0),
                    count(*) filter (where v.arrived_on between :from and :to),
                    coalesce(sum(x.referrals), 0), coalesce(sum(x.hires), 0)
                from vacancies_vacancy v left join network_job_centre j on j.id = v.centre_id
                left join lateral (
                    select count(*) filter (where (r.proposed_at at time zone 'Europe/Rome')::date between :from and :to)
                            as referrals,
                        count(*) filter (where r.status = 'HIRED'
                            and (r.updated_at at time zone 'Europe/Rome')::date between :from and :to) as hires
                    from vacancies_referral r where r.vacancy_id = v.id) x on true
                where (cast(:province as varchar) is null or j.province = :province)
                  and (cast(:centre as bigint) is null or v.centre_id = :centre)
                group by grouping sets ((%1$s), ())""".formatted(key);
        if (!bySource) {
            return byCentre(user, f, TableId.BOARD_BY_CENTRE, columns, sql.replace(
                    "and (cast(:centre as bigint) is null or v.centre_id = :centre)", ""), "monitoring.row.vacancyCentre");
        }
        Long centre = user.scopeCentreId() != null ? user.scopeCentreId() : f.centre();
        List<Line> lines = new ArrayList<>();
        Line[] total = new Line[1];
        params(jdbc.sql(sql), f).param("centre", centre).query((rs, n) -> {
            List<BigDecimal> values = values(rs, 3, columns);
            if (rs.getInt(2) == 1) {
                total[0] = new Line(messages.t("monitoring.total"), values);
            } else {
                lines.add(new Line(messages.t(VacancySource.valueOf(rs.getString(1)).labelKey()), values));
            }
            return null;
        }).list();
        return new ReportTable(TableId.BOARD_BY_SOURCE.slug(), "monitoring.table.board-by-source",
                "monitoring.caption.board-by-source", "monitoring.row.source", columns, lines, total[0]);
    }

    /** The requesters of each ministerial list of the period, by status, within the user's scope and the filter. */
    ReportTable trend(CurrentUser user, ReportFilter f) {
        List<Column> columns = new ArrayList<>();
        for (RequestStatus s : RequestStatus.values()) {
            columns.add(new Column(s.name(), s.labelKey(), Kind.COUNT));
        }
        columns.add(count("total"));
        List<Map.Entry<Long, LocalDate>> imports = jdbc.sql("""
                select distinct on (snapshot_date) id, snapshot_date from requests_import
                where snapshot_date between ? and ? order by snapshot_date, id desc""").params(f.from(), f.to())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
        counts.ensure(imports.stream().map(Map.Entry::getKey).toList());
        Long centre = user.scopeCentreId() != null ? user.scopeCentreId() : f.centre();
        StringBuilder select = new StringBuilder("select c.import_id");
        for (RequestStatus s : RequestStatus.values()) {
            select.append(", coalesce(sum(c.requests) filter (where c.status = '").append(s.name()).append("'), 0)");
        }
        Map<Long, List<BigDecimal>> byImport = params(jdbc.sql(select + ", coalesce(sum(c.requests), 0) " + """
                from reporting_snapshot_count c join network_job_centre j on j.id = c.competent_centre_id
                where c.import_id in (select unnest(cast(:imports as bigint[])))
                  and (cast(:province as varchar) is null or j.province = :province)
                  and (cast(:centre as bigint) is null or c.competent_centre_id = :centre)
                group by c.import_id"""), f).param("centre", centre)
                .param("imports", imports.stream().map(Map.Entry::getKey).toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), values(rs, 2, columns)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<BigDecimal> zeros = columns.stream().map(c -> BigDecimal.ZERO).toList();
        List<Line> lines = imports.stream().map(i -> new Line(Dates.format(i.getValue()),
                byImport.getOrDefault(i.getKey(), zeros))).toList();
        return new ReportTable(TableId.TREND.slug(), "monitoring.table.trend", "monitoring.caption.trend",
                "monitoring.row.snapshot", columns, lines, null);
    }

    // ---- helpers ----

    private ReportTable byCentre(CurrentUser user, ReportFilter f, TableId id, List<Column> columns, String sql,
            String rowHeaderKey) {
        return byCentre(user, f, id, columns, sql, rowHeaderKey, Map.of());
    }

    private ReportTable byCentre(CurrentUser user, ReportFilter f, TableId id, List<Column> columns, String sql,
            String rowHeaderKey, Map<String, Object> extra) {
        Map<Long, String> names = centres.names();
        Long only = user.scopeCentreId() != null ? user.scopeCentreId() : f.centre();
        List<Map.Entry<String, Line>> lines = new ArrayList<>();
        Line[] total = new Line[1];
        JdbcClient.StatementSpec spec = params(jdbc.sql(sql), f);
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.query((rs, n) -> {
            List<BigDecimal> values = values(rs, 3, columns);
            if (rs.getInt(2) == 1) {
                if (only == null) {
                    total[0] = new Line(messages.t("monitoring.total"), values);
                }
            } else {
                long centre = rs.getLong(1);
                if (only == null || only == centre) {
                    String name = centre == 0 ? messages.t("monitoring.regionalServices") : names.getOrDefault(centre, "");
                    lines.add(Map.entry(name, new Line(name, values)));
                    if (only != null) {
                        // The total follows the filter: one CPI's selection is its line (medians included).
                        total[0] = new Line(messages.t("monitoring.total"), values);
                    }
                }
            }
            return null;
        }).list();
        lines.sort(Map.Entry.comparingByKey());
        return new ReportTable(id.slug(), "monitoring.table." + id.slug(), "monitoring.caption." + id.slug(),
                rowHeaderKey, columns, lines.stream().map(Map.Entry::getValue).toList(), total[0]);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, ReportFilter f) {
        return spec.param("from", f.from()).param("to", f.to()).param("province", f.province());
    }

    /** Counts as integers, median days with one decimal; SQL nulls stay null. */
    private static List<BigDecimal> values(ResultSet rs, int first, List<Column> columns) throws SQLException {
        List<BigDecimal> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            BigDecimal v = rs.getBigDecimal(first + i);
            values.add(v == null ? null : columns.get(i).kind() == Kind.DAYS ? v.setScale(1, RoundingMode.HALF_UP) : v);
        }
        return values;
    }

    /** Fills a share column as part ÷ whole of two count columns, on every line and the total. */
    private static ReportTable withShare(ReportTable t, int shareColumn, int part, int whole) {
        Function<Line, Line> fill = l -> {
            if (l == null) {
                return null;
            }
            List<BigDecimal> v = new ArrayList<>(l.values());
            BigDecimal w = v.get(whole);
            v.set(shareColumn, w == null || w.signum() == 0 ? null : v.get(part).divide(w, 4, RoundingMode.HALF_UP));
            return new Line(l.label(), v);
        };
        return new ReportTable(t.id(), t.titleKey(), t.captionKey(), t.rowHeaderKey(), t.columns(),
                t.lines().stream().map(fill).toList(), fill.apply(t.total()));
    }

    private static Column count(String key) {
        return new Column(key, "monitoring.col." + key, Kind.COUNT);
    }

    private static Column days(String key) {
        return new Column(key, "monitoring.col." + key, Kind.DAYS);
    }

    private static Column share(String key) {
        return new Column(key, "monitoring.col." + key, Kind.SHARE);
    }
}
