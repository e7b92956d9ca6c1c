package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The pathways of the user's CPI (every CPI for the region), and the tutors each CPI has named. */
@Component
@Transactional(readOnly = true)
public class PathwayQueries {

    /** A pathway in a list. */
    public record PathwayRow(long id, String taxCode, String workerName, String office, String tutor) {
    }

    /** A tutor named by a CPI, with how many workers they follow. */
    public record NamedTutor(String centre, String tutor, String email, long workers) {
    }

    private final JdbcClient jdbc;
    private final JobCentres centres;
    private final StaffDirectory staff;

    PathwayQueries(JdbcClient jdbc, JobCentres centres, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.staff = staff;
    }

    public Page<PathwayRow> search(CurrentUser user, boolean mine, String query, int page, int size) {
        Long scope = user.caseScopeCentreId();
        String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        String where = " where (cast(:centre as bigint) is null or p.centre_id = :centre)"
                + " and (cast(:tutor as bigint) is null or p.tutor_user_id = :tutor)"
                + " and (:q = '' or w.tax_code like :q || '%' or upper(coalesce(w.last_name, '')) like '%' || :q || '%')";
        Long tutor = mine ? user.id() : null;
        long total = jdbc.sql("select count(*) from pathway_pathway p join workers_worker w on w.id = p.worker_id" + where)
                .param("centre", scope).param("tutor", tutor).param("q", q).query(Long.class).single();
        Map<Long, OfficeSummary> offices = new HashMap<>();
        centres.offices().forEach(o -> offices.put(o.id(), o));
        Map<Long, String> tutors = new HashMap<>();
        List<PathwayRow> rows = jdbc.sql("""
                select p.id, w.tax_code, trim(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')), p.office_id,
                    p.tutor_user_id from pathway_pathway p join workers_worker w on w.id = p.worker_id""" + where
                + " order by p.created_at desc, p.id desc limit :size offset :offset")
                .param("centre", scope).param("tutor", tutor).param("q", q).param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> {
                    long tutorId = rs.getLong(5);
                    String tutorName = rs.wasNull() ? "" : tutors.computeIfAbsent(tutorId,
                            id -> staff.find(id).map(StaffMember::fullName).orElse(""));
                    OfficeSummary o = offices.get(rs.getLong(4));
                    return new PathwayRow(rs.getLong(1), rs.getString(2), rs.getString(3), o == null ? "" : o.label(),
                            tutorName);
                }).list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /** A line of the tutor's worklist: where the worker stands against the meeting rule. */
    public record WorklistRow(long id, String taxCode, String workerName, java.time.LocalDate startedOn,
            java.time.LocalDate plannedEnd, java.time.LocalDate lastMeeting, Integer daysSince, boolean suspended,
            java.time.LocalDate nextMeeting, boolean overdue) {
    }

    /**
     * The open pathways of the user's CPI (or only those they follow as tutor), the most overdue
     * first: days since the last meeting held (or since the start), against {@code everyDays}. One
     * query; the planned end uses the service months in force on each start date.
     */
    public Page<WorklistRow> worklist(CurrentUser user, boolean mine, int everyDays,
            java.util.function.Function<java.time.LocalDate, Integer> serviceMonths, int page, int size) {
        java.time.LocalDate today = it.ricolloca.shared.web.Dates.today();
        Long tutor = mine ? user.id() : null;
        String where = " where p.closed_on is null and (cast(:centre as bigint) is null or p.centre_id = :centre)"
                + " and (cast(:tutor as bigint) is null or p.tutor_user_id = :tutor)";
        long total = jdbc.sql("select count(*) from pathway_pathway p" + where)
                .param("centre", user.caseScopeCentreId()).param("tutor", tutor).query(Long.class).single();
        java.util.Map<java.time.LocalDate, Integer> months = new HashMap<>();
        List<WorklistRow> rows = jdbc.sql("""
                with open_pathways as (
                    select p.id, p.started_on, coalesce(p.extension_months, 0) as extension_months, w.tax_code,
                        trim(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')) as name,
                        (select max(m.on_date) from pathway_meeting m where m.pathway_id = p.id and m.status = 'HELD') as last_held,
                        (select max(m.next_meeting) from pathway_meeting m where m.pathway_id = p.id) as next_meeting,
                        exists (select 1 from pathway_suspension s where s.pathway_id = p.id and s.resumed_on is null) as suspended,
                        (select coalesce(sum(coalesce(s.resumed_on, :today) - s.suspended_on), 0)
                            from pathway_suspension s where s.pathway_id = p.id) as suspended_days
                    from pathway_pathway p join workers_worker w on w.id = p.worker_id""" + where + """
                )
                select id, tax_code, name, started_on, extension_months, last_held, next_meeting, suspended, suspended_days,
                    :today - coalesce(last_held, started_on) as days_since
                from open_pathways
                order by started_on is null, suspended, days_since desc nulls last, id
                limit :size offset :offset""")
                .param("centre", user.caseScopeCentreId()).param("tutor", tutor).param("today", today)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    java.time.LocalDate start = rs.getObject(4, java.time.LocalDate.class);
                    Integer days = (Integer) rs.getObject(10);
                    boolean suspended = rs.getBoolean(8);
                    java.time.LocalDate end = start == null ? null : start.plusMonths(
                            months.computeIfAbsent(start, serviceMonths::apply) + rs.getInt(5)).plusDays(rs.getInt(9));
                    return new WorklistRow(rs.getLong(1), rs.getString(2), rs.getString(3).isEmpty() ? rs.getString(2)
                            : rs.getString(3), start, end, rs.getObject(6, java.time.LocalDate.class), days, suspended,
                            rs.getObject(7, java.time.LocalDate.class), days != null && !suspended && days > everyDays);
                }).list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /** Per CPI, the tutors named on at least one pathway: the communication to the regional agency. */
    public List<NamedTutor> namedTutors(CurrentUser user) {
        Map<Long, String> names = centres.names();
        return jdbc.sql("""
                select centre_id, tutor_user_id, count(*) from pathway_pathway
                where tutor_user_id is not null and (cast(:centre as bigint) is null or centre_id = :centre)
                group by centre_id, tutor_user_id""")
                .param("centre", user.caseScopeCentreId())
                .query((rs, n) -> {
                    StaffMember m = staff.find(rs.getLong(2)).orElse(null);
                    return new NamedTutor(names.getOrDefault(rs.getLong(1), ""), m == null ? "" : m.fullName(),
                            m == null ? "" : m.email(), rs.getLong(3));
                }).list().stream()
                .sorted(java.util.Comparator.comparing(NamedTutor::centre).thenComparing(NamedTutor::tutor)).toList();
    }
}
