package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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
            String providerName, String providerOffice, LocalDate deadline) {

        /** Undecided past its deadline. */
        public boolean overdue() {
            return status == RequestStatus.REQUESTED && deadline.isBefore(Dates.today());
        }
    }

    /** The request's status in one imported snapshot. */
    public record SnapshotStatus(long importId, LocalDate snapshotDate, RequestStatus status, LocalDate statusDate) {
    }

    private static final String SELECT = """
            select r.id, w.tax_code, trim(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')), w.id,
                r.request_date, r.status, r.status_date, c.name, c.id, r.provider_type, r.provider_name, r.provider_office
            from requests_voucher_request r
            join workers_worker w on w.id = r.worker_id
            join network_job_centre c on c.id = r.competent_centre_id""";

    private final JdbcClient jdbc;
    private final Parameters parameters;

    RequestQueries(JdbcClient jdbc, Parameters parameters) {
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    public Page<RequestView> search(CurrentUser user, RequestStatus status, Long centreId, String query, int page, int size) {
        Long scope = user.scopeCentreId();
        Long centre = scope != null ? scope : centreId;
        String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        String where = " " + """
                where (cast(:centre as bigint) is null or r.competent_centre_id = :centre)
                  and (cast(:status as varchar) is null or r.status = :status)
                  and (:q = '' or w.tax_code like :q || '%' or upper(coalesce(w.last_name, '')) like '%' || :q || '%')""";
        long total = jdbc.sql("select count(*) from requests_voucher_request r join workers_worker w on w.id = r.worker_id"
                        + where)
                .param("centre", centre).param("status", status == null ? null : status.name()).param("q", q)
                .query(Long.class).single();
        List<RequestView> rows = jdbc.sql(SELECT + where
                + " order by case when r.status = 'REQUESTED' then 0 else 1 end, r.request_date, r.id"
                + " limit :size offset :offset")
                .param("centre", centre).param("status", status == null ? null : status.name()).param("q", q)
                .param("size", size).param("offset", (long) page * size)
                .query(viewer()).list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    public RequestView get(CurrentUser user, long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(viewer()).optional()
                .filter(r -> user.canSeeCentre(r.centreId())).orElseThrow(NotFoundException::new);
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

    /** Maps rows to views, reading the deadline parameter once per request date rather than once per row. */
    private org.springframework.jdbc.core.RowMapper<RequestView> viewer() {
        java.util.Map<LocalDate, Integer> days = new java.util.HashMap<>();
        return (rs, n) -> {
            LocalDate requestDate = rs.getDate(5).toLocalDate();
            int deadlineDays = days.computeIfAbsent(requestDate,
                    d -> parameters.integer(Parameter.DECISION_DEADLINE_DAYS, d));
            return new RequestView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), requestDate,
                    RequestStatus.valueOf(rs.getString(6)), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getLong(9),
                    rs.getString(10), rs.getString(11), rs.getString(12), requestDate.plusDays(deadlineDays));
        };
    }
}
