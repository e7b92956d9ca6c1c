package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.TutorExperience;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.search.PeopleCopy;
import it.ricolloca.shared.search.PeopleSearch;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.tabular.TabularWriter;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.io.OutputStream;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
    public record NamedTutor(String centre, String tutor, String email, long workers, TutorExperience experience) {
    }

    private final JdbcClient jdbc;
    private final JobCentres centres;
    private final StaffDirectory staff;
    private final Workers workers;
    private final PathwayRights rights;
    private final Messages messages;
    private final Parameters parameters;
    private final PathwayPeople people;

    PathwayQueries(JdbcClient jdbc, JobCentres centres, StaffDirectory staff, Workers workers, PathwayRights rights,
            Messages messages, Parameters parameters, PathwayPeople people) {
        this.people = people;
        this.parameters = parameters;
        this.rights = rights;
        this.messages = messages;
        this.workers = workers;
        this.jdbc = jdbc;
        this.centres = centres;
        this.staff = staff;
    }

    /**
     * The pathways in the user's scope (only those they follow, when {@code mine}), the newest
     * first, those of the workers whose codice fiscale starts with, or whose surname contains, the
     * query. The workers come from their register in one query per page.
     */
    public Page<PathwayRow> search(CurrentUser user, boolean mine, String query, int page, int size) {
        return search(user, mine, null, query, page, size);
    }

    /**
     * As above, only the pathways of one kind of due work when {@code due} is given (the home page's
     * links), the soonest due first; the terms are those in force today.
     */
    public Page<PathwayRow> search(CurrentUser user, boolean mine, PathwayDue due, String query, int page, int size) {
        Long scope = user.caseScopeCentreId();
        // The workers a search names, looked for in the list's own copy of its workers' names (ADR 0047).
        PeopleSearch search = PeopleCopy.search(query);
        String named = this.people.copy().condition("p", search);
        this.people.copy().planSearch(search);
        String where = " where (cast(:centre as bigint) is null or p.centre_id = :centre)"
                + " and (cast(:tutor as bigint) is null or p.tutor_user_id = :tutor)"
                + (named == null ? "" : " and " + named)
                + (due == null ? "" : " and " + due.predicate());
        Long tutor = mine ? user.id() : null;
        LocalDate today = Dates.today();
        int pactDays = due == null ? 0 : parameters.integer(Parameter.PACT_WITHIN_DAYS, today);
        int every = due == null ? 0 : parameters.integer(Parameter.MEETING_EVERY_DAYS, today);
        Map<Long, OfficeSummary> offices = new HashMap<>();
        centres.offices().forEach(o -> offices.put(o.id(), o));
        Map<Long, String> tutors = new HashMap<>();
        record Found(long id, long workerId, long officeId, Long tutorId) {
        }
        // A search counts its matches in the page's own statement (ADR 0047); the whole list counts apart.
        long[] counted = {-1};
        List<Found> rows = search.bind(jdbc.sql("select p.id, p.worker_id, p.office_id, p.tutor_user_id"
                + (named == null ? "" : ", count(*) over ()") + " from pathway_pathway p"
                + where + " order by " + (due == null ? "" : due.dueOn() + ", ")
                + "p.created_at desc, p.id desc limit :size offset :offset"))
                .param("centre", scope).param("tutor", tutor)
                .param("today", today).param("pactDays", pactDays).param("every", every)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    if (named != null) {
                        counted[0] = rs.getLong(5);
                    }
                    return new Found(rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4));
                }).list();
        long total = counted[0] >= 0 ? counted[0] : rows.isEmpty() && page == 0 && named != null ? 0
                : search.bind(jdbc.sql("select count(*) from pathway_pathway p" + where))
                        .param("centre", scope).param("tutor", tutor)
                        .param("today", today).param("pactDays", pactDays).param("every", every)
                        .query(Long.class).single();
        Map<Long, WorkerSummary> people = workers.summaries(rows.stream().map(Found::workerId).toList());
        List<PathwayRow> result = rows.stream().map(r -> {
            WorkerSummary w = people.get(r.workerId());
            OfficeSummary o = offices.get(r.officeId());
            String tutorName = r.tutorId() == null ? "" : tutors.computeIfAbsent(r.tutorId(),
                    id -> staff.find(id).map(StaffMember::fullName).orElse(""));
            return new PathwayRow(r.id(), w == null ? "" : w.taxCode(), w == null ? "" : w.listName(),
                    o == null ? "" : o.label(), tutorName);
        }).toList();
        return new PageImpl<>(result, PageRequest.of(page, size), total);
    }

    /** How many items of one kind are due at the provider and the oldest date among them. */
    public record DueCount(String kind, long count, LocalDate oldest) {
    }

    /**
     * The work due at a provider CPI, in one statement: the released requests queued at its offices that
     * no first appointment was ever booked for (kind {@code QUEUE}, since the oldest release), and the
     * pathways of each {@link PathwayDue} kind (only those the tutor follows when {@code tutor} is given),
     * each with its oldest date. No row is loaded.
     */
    public List<DueCount> dueAt(long centreId, Long tutor, List<Long> offices, int pactDays, int every) {
        String queued = " from pathway_queue q where q.office_id = any(cast(:offices as bigint[])) and " + UNSCHEDULED;
        StringBuilder sql = new StringBuilder("select (select count(*)" + queued + "), (select min(q.released_on)"
                + queued + ")");
        for (PathwayDue due : PathwayDue.values()) {
            sql.append(", (select count(*) from pathway_pathway p where ").append(DUE_SCOPE).append(" and ")
                    .append(due.predicate()).append("), (select min(").append(due.dueOn())
                    .append(") from pathway_pathway p where ").append(DUE_SCOPE).append(" and ").append(due.predicate())
                    .append(")");
        }
        return jdbc.sql(sql.toString()).param("offices", offices.toArray(Long[]::new)).param("centre", centreId)
                .param("tutor", tutor).param("today", Dates.today()).param("pactDays", pactDays).param("every", every)
                .query((rs, n) -> {
                    List<DueCount> found = new java.util.ArrayList<>();
                    found.add(new DueCount("QUEUE", rs.getLong(1), rs.getObject(2, LocalDate.class)));
                    PathwayDue[] kinds = PathwayDue.values();
                    for (int i = 0; i < kinds.length; i++) {
                        found.add(new DueCount(kinds[i].name(), rs.getLong(3 + 2 * i),
                                rs.getObject(4 + 2 * i, LocalDate.class)));
                    }
                    return found;
                }).single();
    }

    /** A queued request no first appointment was ever booked for: no pathway opened for it yet. */
    public static final String UNSCHEDULED = "not exists (select 1 from pathway_pathway b where b.request_id = q.request_id)";

    private static final String DUE_SCOPE = "p.centre_id = :centre and (cast(:tutor as bigint) is null or p.tutor_user_id = :tutor)";

    /** A line of the tutor's worklist: where the worker stands against the meeting rule. */
    public record WorklistRow(long id, String taxCode, String workerName, LocalDate startedOn,
            LocalDate plannedEnd, LocalDate lastMeeting, Integer daysSince, boolean suspended,
            LocalDate nextMeeting, boolean overdue) {
    }

    /**
     * The open pathways of the user's CPI (or only those they follow as tutor), the most overdue
     * first: days since the last meeting held (or since the start), against {@code everyDays}. One
     * query for the page, one for its workers; the planned end uses the service months in force on
     * each start date.
     */
    public Page<WorklistRow> worklist(CurrentUser user, boolean mine, int everyDays,
            Function<LocalDate, Integer> serviceMonths, int page, int size) {
        LocalDate today = Dates.today();
        Long tutor = mine ? user.id() : null;
        String where = " where p.closed_on is null and (cast(:centre as bigint) is null or p.centre_id = :centre)"
                + " and (cast(:tutor as bigint) is null or p.tutor_user_id = :tutor)";
        long total = jdbc.sql("select count(*) from pathway_pathway p" + where)
                .param("centre", user.caseScopeCentreId()).param("tutor", tutor).query(Long.class).single();
        Map<LocalDate, Integer> months = new HashMap<>();
        record Open(long id, long workerId, LocalDate startedOn, LocalDate plannedEnd, LocalDate lastMeeting,
                Integer daysSince, boolean suspended, LocalDate nextMeeting, boolean overdue) {
        }
        List<Open> open = jdbc.sql("""
                with open_pathways as (
                    select p.id, p.started_on, coalesce(p.extension_months, 0) as extension_months, p.worker_id,
                        (select max(m.on_date) from pathway_meeting m where m.pathway_id = p.id and m.status = 'HELD') as last_held,
                        (select max(m.next_meeting) from pathway_meeting m where m.pathway_id = p.id) as next_meeting,
                        exists (select 1 from pathway_suspension s where s.pathway_id = p.id and s.resumed_on is null) as suspended,
                        (select coalesce(sum(coalesce(s.resumed_on, :today) - s.suspended_on), 0)
                            from pathway_suspension s where s.pathway_id = p.id) as suspended_days
                    from pathway_pathway p""" + where + """
                )
                select id, worker_id, started_on, extension_months, last_held, next_meeting, suspended, suspended_days,
                    :today - coalesce(last_held, started_on) as days_since
                from open_pathways
                order by started_on is null, suspended, days_since desc nulls last, id
                limit :size offset :offset""")
                .param("centre", user.caseScopeCentreId()).param("tutor", tutor).param("today", today)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    LocalDate start = rs.getObject(3, LocalDate.class);
                    Integer days = (Integer) rs.getObject(9);
                    boolean suspended = rs.getBoolean(7);
                    LocalDate end = start == null ? null : start.plusMonths(
                            months.computeIfAbsent(start, serviceMonths::apply) + rs.getInt(4)).plusDays(rs.getInt(8));
                    return new Open(rs.getLong(1), rs.getLong(2), start, end, rs.getObject(5, LocalDate.class), days,
                            suspended, rs.getObject(6, LocalDate.class), days != null && !suspended && days > everyDays);
                }).list();
        Map<Long, WorkerSummary> people = workers.summaries(open.stream().map(Open::workerId).toList());
        List<WorklistRow> rows = open.stream().map(o -> {
            WorkerSummary w = people.get(o.workerId());
            return new WorklistRow(o.id(), w == null ? "" : w.taxCode(), w == null ? "" : w.listName(), o.startedOn(),
                    o.plannedEnd(), o.lastMeeting(), o.daysSince(), o.suspended(), o.nextMeeting(), o.overdue());
        }).toList();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /** Per CPI, the tutors named on at least one pathway: the communication to the regional agency. */
    public List<NamedTutor> namedTutors(CurrentUser user) {
        ActGuard.require(rights.canReadTutors(user), "tutors");
        Map<Long, String> names = centres.names();
        return jdbc.sql("""
                select x.centre_id, x.tutor_user_id, x.n, e.accompaniment, e.orientation, e.pre_selection, e.years, e.note
                from (select centre_id, tutor_user_id, count(*) n from pathway_pathway
                    where tutor_user_id is not null and (cast(:centre as bigint) is null or centre_id = :centre)
                    group by centre_id, tutor_user_id) x
                left join pathway_tutor_experience e on e.tutor_user_id = x.tutor_user_id""")
                .param("centre", user.caseScopeCentreId())
                .query((rs, n) -> {
                    StaffMember m = staff.find(rs.getLong(2)).orElse(null);
                    TutorExperience experience = rs.getObject(4) == null ? null : new TutorExperience(rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7), rs.getString(8));
                    return new NamedTutor(names.getOrDefault(rs.getLong(1), ""), m == null ? "" : m.fullName(),
                            m == null ? "" : m.email(), rs.getLong(3), experience);
                }).list().stream()
                .sorted(Comparator.comparing(NamedTutor::centre).thenComparing(NamedTutor::tutor)).toList();
    }

    /** The tutors named by each CPI as a workbook, with the headers in Italian and the counts as numbers. */
    public void writeNamedTutors(CurrentUser user, OutputStream out) {
        writeNamedTutors(user, TabularFormat.XLSX, out);
    }

    /** The same, as an XLSX or an ODS workbook. */
    public void writeNamedTutors(CurrentUser user, TabularFormat format, OutputStream out) {
        List<NamedTutor> tutors = namedTutors(user);
        try (TabularWriter sheet = TabularWriter.workbook(format, out, messages.t("pathway.tutors.sheet"))) {
            sheet.header(messages.t("pathway.tutors.centre"), messages.t("pathway.tutors.tutor"),
                    messages.t("pathway.tutors.email"), messages.t("pathway.tutors.workers"),
                    messages.t("pathway.tutors.experience"), messages.t("pathway.tutors.experienceYears"),
                    messages.t("pathway.tutors.experienceNote"));
            tutors.forEach(t -> sheet.row(t.centre(), t.tutor(), t.email(), t.workers(),
                    t.experience() == null ? messages.t("pathway.tutors.experienceMissing")
                            : String.join(", ", t.experience().kindKeys().stream().map(messages::t).toList()),
                    t.experience() == null ? null : t.experience().years(),
                    t.experience() == null ? null : t.experience().note()));
        }
    }
}
