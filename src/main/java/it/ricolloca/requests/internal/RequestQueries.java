package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.requests.RequestAction;
import it.ricolloca.requests.RequestChannel;
import it.ricolloca.requests.RequestObservation;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.search.PeopleCopy;
import it.ricolloca.shared.search.PeopleSearch;
import it.ricolloca.shared.web.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import it.ricolloca.network.JobCentres;
import it.ricolloca.workers.WorkerContact;
import it.ricolloca.workers.Workers;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests as the competent CPI sees them: its own (every CPI for regional users), with the
 * decision deadline computed from the parameter in force on the request date, undecided ones
 * first by deadline. Out-of-scope requests answer 404.
 */
@Component
@Transactional(readOnly = true)
public class RequestQueries {

    /** One request in a list or on its page. */
    public record RequestView(long id, String taxCode, String workerName, long workerId, LocalDate requestDate,
            RequestStatus status, LocalDate statusDate, String centre, long centreId, String providerType,
            String providerName, String providerOffice, LocalDate deadline, RequestChannel channel) {

        /** Undecided past its deadline (none while a notice waits for its date or its receipt). */
        public boolean overdue() {
            return status.isUndecided() && deadline != null && deadline.isBefore(Dates.today());
        }
    }

    /** One line of a request's history: what was done, by whom, when, from which status to which. */
    public record EventRow(Instant occurredAt, LocalDate effectiveOn, String actor, RequestAction action,
            RequestStatus from, RequestStatus to, String note) {
    }

    /** The request's status in one imported snapshot. */
    public record SnapshotStatus(long importId, LocalDate snapshotDate, RequestStatus status, LocalDate statusDate) {
    }

    private static final String SELECT = """
            select r.id, r.worker_id, r.request_date, r.status, r.status_date, r.competent_centre_id, r.provider_type,
                r.provider_name, r.provider_office, %s as deadline, r.channel%s
            from requests_voucher_request r""";

    /** A row as the requests' table holds it; the worker's identity and the CPI's name are added from their modules. */
    private record Row(long id, long workerId, LocalDate requestDate, RequestStatus status, LocalDate statusDate,
            long centreId, String providerType, String providerName, String providerOffice, LocalDate deadline,
            RequestChannel channel) {
    }

    private final JdbcClient jdbc;
    private final Parameters parameters;
    private final VoucherRequestRepository requests;
    private final Workers workers;
    private final JobCentres centres;
    private final RequestRights rights;
    private final RequestTerms terms;
    private final RequestPeople people;

    RequestQueries(JdbcClient jdbc, Parameters parameters, VoucherRequestRepository requests, Workers workers,
            JobCentres centres, RequestRights rights, RequestTerms terms, RequestPeople people) {
        this.people = people;
        this.rights = rights;
        this.terms = terms;
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.requests = requests;
        this.workers = workers;
        this.centres = centres;
    }

    public Page<RequestView> search(CurrentUser user, RequestStatus status, Long centreId, String query, int page, int size) {
        return search(user, status, centreId, null, query, page, size);
    }

    /** As above, only the requests of one kind of due work when {@code due} is given (the home page's links). */
    public Page<RequestView> search(CurrentUser user, RequestStatus status, Long centreId, RequestDue due, String query,
            int page, int size) {
        Long scope = user.caseScopeCentreId();
        Long centre = scope != null ? scope : centreId;
        // The workers a search names, looked for in the list's own copy of its workers' names (ADR 0047).
        PeopleSearch people = PeopleCopy.search(query);
        String named = this.people.copy().condition("r", people);
        this.people.copy().planSearch(people);
        String where = " " + """
                where (cast(:centre as bigint) is null or r.competent_centre_id = :centre)
                  and (cast(:status as varchar) is null or r.status = :status)"""
                + (named == null ? "" : " and " + named)
                + (due == null ? "" : " and " + due.predicate(deadline()));
        LocalDate today = Dates.today();
        // A search counts its matches in the page's own statement (they are all read to be sorted anyway); the whole
        // list counts apart, since a count beside every row would keep the network's every request to sort them.
        long[] counted = {-1};
        RowMapper<Row> row = rows();
        List<Row> rows = people.bind(jdbc.sql(SELECT.formatted(deadline(), named == null ? "" : ", count(*) over ()")
                + where + " order by case when r.status in ('REQUESTED', 'UNDER_REVIEW', 'NOTICE_OF_REJECTION',"
                + " 'REENABLED') then 0 else 1 end, deadline, r.id limit :size offset :offset"))
                .param("centre", centre).param("status", status == null ? null : status.name())
                .param("size", size).param("offset", (long) page * size)
                .param("today", today)
                .query((rs, n) -> {
                    if (named != null) {
                        counted[0] = rs.getLong(12);
                    }
                    return row.mapRow(rs, n);
                }).list();
        long total = counted[0] >= 0 ? counted[0] : rows.isEmpty() && page == 0 && named != null ? 0
                : people.bind(jdbc.sql("select count(*) from requests_voucher_request r" + where))
                        .param("centre", centre).param("status", status == null ? null : status.name())
                        .param("today", today)
                        .query(Long.class).single();
        return new PageImpl<>(views(rows), PageRequest.of(page, size), total);
    }

    public RequestView get(CurrentUser user, long id) {
        return jdbc.sql(select() + " where r.id = ?").param(id).query(rows()).optional()
                .filter(r -> rights.canRead(user, r.centreId(), r.workerId(), r.status())).map(r -> views(List.of(r)).get(0))
                .orElseThrow(NotFoundException::new);
    }

    public List<SnapshotStatus> history(long requestId) {
        return jdbc.sql("""
                select i.id, i.snapshot_date, e.status, e.status_date from requests_snapshot_entry e
                join requests_import i on i.id = e.import_id where e.request_id = ? order by i.snapshot_date desc, i.id desc""")
                .param(requestId)
                .query((rs, n) -> new SnapshotStatus(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        RequestStatus.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate()))
                .list();
    }

    public List<EventRow> events(long requestId) {
        return jdbc.sql("""
                select occurred_at, effective_on, actor, kind, from_status, to_status, note from requests_event
                where request_id = ? order by occurred_at desc, id desc""")
                .param(requestId)
                .query((rs, n) -> new EventRow(rs.getTimestamp(1).toInstant(), rs.getDate(2).toLocalDate(), rs.getString(3),
                        RequestAction.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : RequestStatus.valueOf(rs.getString(5)),
                        RequestStatus.valueOf(rs.getString(6)), rs.getString(7)))
                .list();
    }

    /** The request as an aggregate, with its checks and observations loaded, for its page; 404 out of scope. */
    public VoucherRequest load(CurrentUser user, long id) {
        VoucherRequest request = requests.findById(id)
                .filter(r -> rights.canRead(user, r.getCompetentCentreId(), r.getWorkerId(), r.getStatus()))
                .orElseThrow(NotFoundException::new);
        request.getChecks();
        request.getObservations().forEach(RequestObservation::getDocumentIds);
        return request;
    }

    /** The other requests of the same worker, newest first, within the user's scope. */
    public List<RequestView> ofWorker(CurrentUser user, long workerId) {
        return views(jdbc.sql(select() + " where r.worker_id = ? order by r.request_date desc, r.id desc").param(workerId)
                .query(rows()).list().stream().filter(r -> rights.canRead(user, r.centreId(), r.workerId(), r.status()))
                .toList());
    }

    /** How many requests of one kind are due and the oldest of their deadlines (carried to a working day). */
    public record DueCount(RequestDue due, long count, LocalDate oldest) {
    }

    /**
     * The requests due at one competent CPI, by kind (to decide, notices whose window closed, observations
     * to answer), each counted with its oldest deadline: one statement for the three, no row loaded.
     */
    public List<DueCount> dueAt(long centreId) {
        String deadline = deadline();
        List<RequestDue> kinds = List.of(RequestDue.TO_DECIDE, RequestDue.NOTICE_CLOSED, RequestDue.OBSERVATIONS);
        StringBuilder sql = new StringBuilder("select ");
        for (RequestDue k : kinds) {
            String p = k.predicate(deadline);
            sql.append("count(*) filter (where ").append(p).append("), min(").append(deadline)
                    .append(") filter (where ").append(p).append("), ");
        }
        sql.setLength(sql.length() - 2);
        sql.append(" from requests_voucher_request r where r.competent_centre_id = :centre and r.status in"
                + " ('REQUESTED', 'UNDER_REVIEW', 'NOTICE_OF_REJECTION', 'REENABLED')");
        java.util.function.UnaryOperator<LocalDate> carry = terms.carry();
        return jdbc.sql(sql.toString()).param("centre", centreId).param("today", Dates.today()).query((rs, n) -> {
            List<DueCount> found = new java.util.ArrayList<>();
            for (int i = 0; i < kinds.size(); i++) {
                found.add(new DueCount(kinds.get(i), rs.getLong(2 * i + 1),
                        carry.apply(rs.getObject(2 * i + 2, LocalDate.class))));
            }
            return found;
        }).single();
    }

    /**
     * The CPIs behind: how many competent CPIs have at least one request undecided past its decision
     * deadline ({@link RequestDue#OVERDUE}), and the oldest such deadline (carried to a working day).
     * One counting statement.
     */
    public DueCount centresBehind() {
        String deadline = deadline();
        DueCount behind = jdbc.sql("select count(distinct r.competent_centre_id), min(" + deadline + ") from requests_voucher_request r"
                + " where " + RequestDue.OVERDUE.predicate(deadline))
                .param("today", Dates.today())
                .query((rs, n) -> new DueCount(RequestDue.OVERDUE, rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .single();
        return new DueCount(behind.due(), behind.count(), terms.carry().apply(behind.oldest()));
    }

    /**
     * The select with the decision deadline computed in SQL: the days in force on the request date
     * (every period of the parameter, as literals read from the parameters), or, after a notice,
     * the deadline the notice's facts give (stored by the aggregate; none while the notice waits for its
     * date or its receipt). The last day is carried to a working day in {@link #views}.
     */
    private String select() {
        return SELECT.formatted(deadline(), "");
    }

    /** The decision deadline of {@code r} as an SQL expression (see {@link #select}), before its carry to a working day. */
    private String deadline() {
        List<Parameters.Period> periods = parameters.history(Parameter.DECISION_DEADLINE_DAYS).stream()
                .sorted(Comparator.comparing(Parameters.Period::validFrom).reversed()).toList();
        StringBuilder days = new StringBuilder("case");
        for (Parameters.Period p : periods) {
            days.append(" when r.request_date >= date '").append(p.validFrom()).append("' then ")
                    .append(Integer.parseInt(p.value()));
        }
        days.append(" else ").append(periods.isEmpty() ? Parameter.DECISION_DEADLINE_DAYS.defaultValue()
                : Integer.parseInt(periods.get(periods.size() - 1).value())).append(" end");
        return "case when r.rejection_notice_date is not null or r.status = 'NOTICE_OF_REJECTION'"
                + " then r.decision_deadline else r.request_date + (" + days + ") end";
    }

    private static RowMapper<Row> rows() {
        return (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                RequestStatus.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(), rs.getLong(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(),
                RequestChannel.valueOf(rs.getString(11)));
    }

    /** The rows with their workers (one call to the register) and their CPIs' names (one call to the network). */
    private List<RequestView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, WorkerContact> contacts = workers.contacts(rows.stream().map(Row::workerId).toList());
        Map<Long, String> centreNames = centres.names();
        java.util.function.UnaryOperator<LocalDate> carry = terms.carry();
        return rows.stream().map(r -> {
            WorkerContact w = contacts.get(r.workerId());
            String taxCode = w == null ? "" : w.summary().taxCode();
            String name = w == null ? "" : ((w.summary().lastName() == null ? "" : w.summary().lastName()) + " "
                    + (w.summary().firstName() == null ? "" : w.summary().firstName())).strip();
            return new RequestView(r.id(), taxCode, name, r.workerId(), r.requestDate(), r.status(), r.statusDate(),
                    centreNames.getOrDefault(r.centreId(), ""), r.centreId(), r.providerType(), r.providerName(),
                    r.providerOffice(), carry.apply(r.deadline()), r.channel());
        }).toList();
    }
}
