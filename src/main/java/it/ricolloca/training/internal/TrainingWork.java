package it.ricolloca.training.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.training.TrainingContent;
import it.ricolloca.training.TrainingRefusedException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses, sessions, enrolments and attendance. The regional administrator and the regional AdR
 * service run the training: they create courses and sessions, enrol anyone of the network and
 * record attendance; a CPI's master enrols the staff of their own CPI. A session never takes more
 * than its capacity (the session row is locked while enrolling) and nobody is enrolled twice in
 * the same course. Every change is audited.
 */
@Service
@Transactional
public class TrainingWork {

    /** A course with how many sessions it has. */
    public record Course(long id, String title, TrainingContent content, String description, BigDecimal hours,
            int sessions, long version) {
    }

    /** A session with its course and how many are enrolled. */
    public record Session(long id, long courseId, String courseTitle, TrainingContent content, BigDecimal hours,
            LocalDate onDate, LocalTime start, LocalTime end, String place, boolean online, String trainer, int capacity,
            int enrolled, long version) {

        public int free() {
            return Math.max(0, capacity - enrolled);
        }
    }

    /** Someone enrolled in a session, with their CPI and attendance (null: not recorded yet). */
    public record Enrolled(long id, long userId, String fullName, String username, Long centreId, String centre,
            String enrolledBy, Boolean attended) {
    }

    /** One CPI's coverage: trained and total masters, tutors, vacancy referents and staff, and who of them is missing. */
    public record Coverage(long centreId, String centre, int mastersTrained, int masters, int tutorsTrained, int tutors,
            int referentsTrained, int referents, int staffTrained, int staff, String missing) {
    }

    private static final String SESSION = """
            select s.id, s.course_id, c.title, c.content, c.hours, s.on_date, s.start_time, s.end_time, s.place,
                s.online, s.trainer, s.capacity,
                (select count(*) from training_enrolment e where e.session_id = s.id), s.version
            from training_session s join training_course c on c.id = s.course_id""";

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final AuditTrail audit;

    TrainingWork(JdbcClient jdbc, StaffDirectory staff, AuditTrail audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.audit = audit;
    }

    // ---- rights ----

    /** The regional administrator and the AdR service run the training. */
    public boolean canManage(CurrentUser user) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE);
    }

    public boolean canEnrol(CurrentUser user) {
        return canManage(user) || user.centreId() != null && user.hasRole(Role.CPI_MASTER);
    }

    // ---- courses and sessions ----

    @Transactional(readOnly = true)
    public Page<Course> courses(String q, int page, int size) {
        String like = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql("select count(*) from training_course where cast(:like as varchar) is null"
                + " or lower(title) like :like").param("like", like).query(Long.class).single();
        List<Course> courses = jdbc.sql("""
                select c.id, c.title, c.content, c.description, c.hours,
                    (select count(*) from training_session s where s.course_id = c.id), c.version
                from training_course c where cast(:like as varchar) is null or lower(c.title) like :like
                order by c.created_at desc, c.id desc limit :size offset :offset""")
                .param("like", like).param("size", size).param("offset", (long) page * size)
                .query(TrainingWork::course).list();
        return new PageImpl<>(courses, PageRequest.of(page, size), total);
    }

    @Transactional(readOnly = true)
    public Course course(long id) {
        return jdbc.sql("""
                select c.id, c.title, c.content, c.description, c.hours,
                    (select count(*) from training_session s where s.course_id = c.id), c.version
                from training_course c where c.id = ?""").param(id).query(TrainingWork::course).optional()
                .orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    public List<Session> sessions(long courseId) {
        return jdbc.sql(SESSION + " where s.course_id = ? order by s.on_date, s.start_time, s.id").param(courseId)
                .query(TrainingWork::session).list();
    }

    @Transactional(readOnly = true)
    public Session session(long id) {
        return jdbc.sql(SESSION + " where s.id = ?").param(id).query(TrainingWork::session).optional()
                .orElseThrow(NotFoundException::new);
    }

    public long createCourse(CurrentUser user, String title, TrainingContent content, String description, String hours) {
        requireManager(user);
        String t = text(title, 200, "training.course.title.required");
        if (content == null) {
            throw new TrainingRefusedException("training.course.content.required");
        }
        BigDecimal h = decimal(hours);
        if (h == null || h.signum() <= 0 || h.compareTo(new BigDecimal("200")) > 0 || h.scale() > 1) {
            throw new TrainingRefusedException("training.course.hours.invalid");
        }
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > 2000) {
            throw new TrainingRefusedException("training.course.description.tooLong");
        }
        long id = jdbc.sql("""
                insert into training_course (title, content, description, hours, created_by, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(t, content.name(), d, h, user.username(), Timestamp.from(Instant.now())).query(Long.class).single();
        audit.recordAs(user.username(), "TRAINING_COURSE_CREATED", "TrainingCourse", id, content + ": " + t);
        return id;
    }

    public long addSession(CurrentUser user, long courseId, LocalDate on, LocalTime start, LocalTime end, String place,
            boolean online, String trainer, String capacity) {
        requireManager(user);
        course(courseId);
        if (on == null || on.isBefore(Dates.today().minusYears(1))) {
            throw new TrainingRefusedException("training.session.date.invalid");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new TrainingRefusedException("training.session.time.invalid");
        }
        String p = place == null || place.isBlank() ? null : place.strip();
        if (p == null && !online) {
            throw new TrainingRefusedException("training.session.place.required");
        }
        if (p != null && p.length() > 300) {
            throw new TrainingRefusedException("training.session.place.tooLong");
        }
        String tr = text(trainer, 200, "training.session.trainer.required");
        int cap;
        try {
            cap = Integer.parseInt(capacity == null ? "" : capacity.strip());
        } catch (NumberFormatException e) {
            cap = 0;
        }
        if (cap < 1 || cap > 500) {
            throw new TrainingRefusedException("training.session.capacity.invalid");
        }
        long id = jdbc.sql("""
                insert into training_session (course_id, on_date, start_time, end_time, place, online, trainer, capacity,
                    created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, on, start, end, p, online, tr, cap, user.username(), Timestamp.from(Instant.now()))
                .query(Long.class).single();
        audit.recordAs(user.username(), "TRAINING_SESSION_CREATED", "TrainingSession", id,
                "corso " + courseId + ", " + Dates.format(on) + " " + start + "–" + end + ", posti " + cap);
        return id;
    }

    // ---- enrolments ----

    /** Those enrolled in the session whom the user may see: everyone for the region, their own CPI's for a CPI user. */
    @Transactional(readOnly = true)
    public List<Enrolled> enrolled(CurrentUser user, long sessionId) {
        Long centre = canManage(user) ? null : user.centreId() == null ? -1L : user.centreId();
        return jdbc.sql("""
                select e.id, u.id, u.full_name, u.username, e.centre_id, coalesce(j.name, ''), e.enrolled_by, e.attended
                from training_enrolment e join accounts_user u on u.id = e.user_id
                left join network_job_centre j on j.id = e.centre_id
                where e.session_id = :session and (cast(:centre as bigint) is null or e.centre_id = :centre
                    or e.user_id = :user)
                order by j.name nulls first, u.full_name""").param("session", sessionId).param("centre", centre)
                .param("user", user.id())
                .query((rs, n) -> new Enrolled(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6), rs.getString(7), (Boolean) rs.getObject(8)))
                .list();
    }

    /** The staff a CPI master may still enrol in the session's course: their CPI's, not enrolled yet in it. */
    @Transactional(readOnly = true)
    public List<StaffMember> candidates(CurrentUser user, long sessionId) {
        if (user.centreId() == null || !user.hasRole(Role.CPI_MASTER)) {
            return List.of();
        }
        Session s = session(sessionId);
        List<Long> taken = jdbc.sql("select user_id from training_enrolment where course_id = ?").param(s.courseId())
                .query(Long.class).list();
        return staff.of(user.centreId()).stream().filter(m -> !taken.contains(m.id())).toList();
    }

    /**
     * Enrols a user in a session: a CPI master their own CPI's staff, the region anyone with a CPI.
     * Refused when the session is full or past, or the user is already enrolled in the course.
     */
    public long enrol(CurrentUser user, long sessionId, String who) {
        if (!canEnrol(user)) {
            throw new AccessDeniedException("training");
        }
        // The session row is locked: two enrolments for its last place cannot both pass the count.
        Session s = jdbc.sql(SESSION + " where s.id = ? for update of s").param(sessionId).query(TrainingWork::session)
                .optional().orElseThrow(NotFoundException::new);
        StaffMember target = target(who).orElseThrow(() -> new TrainingRefusedException("training.enrol.unknownUser"));
        if (target.centreId() == null) {
            throw new TrainingRefusedException("training.enrol.noCentre");
        }
        if (!canManage(user) && !target.centreId().equals(user.centreId())) {
            throw new TrainingRefusedException("training.enrol.otherCentre");
        }
        if (s.onDate().isBefore(Dates.today())) {
            throw new TrainingRefusedException("training.enrol.past");
        }
        if (s.enrolled() >= s.capacity()) {
            throw new TrainingRefusedException("training.enrol.full", s.capacity());
        }
        boolean already = jdbc.sql("select exists (select 1 from training_enrolment where course_id = ? and user_id = ?)")
                .params(s.courseId(), target.id()).query(Boolean.class).single();
        if (already) {
            throw new TrainingRefusedException("training.enrol.duplicate", target.fullName());
        }
        long id = jdbc.sql("""
                insert into training_enrolment (session_id, course_id, user_id, centre_id, enrolled_by, enrolled_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(sessionId, s.courseId(), target.id(), target.centreId(), user.username(),
                        Timestamp.from(Instant.now())).query(Long.class).single();
        audit.recordAs(user.username(), "TRAINING_ENROLLED", "TrainingSession", sessionId, target.username());
        return id;
    }

    /** Withdraws an enrolment before the session's day: the region, or the master of the enrolled person's CPI. */
    public long withdraw(CurrentUser user, long enrolmentId) {
        Map<String, Object> e = jdbc.sql("""
                select e.session_id, e.centre_id, e.attended, s.on_date, u.username from training_enrolment e
                join training_session s on s.id = e.session_id join accounts_user u on u.id = e.user_id
                where e.id = ?""").param(enrolmentId).query().listOfRows().stream().findFirst()
                .orElseThrow(NotFoundException::new);
        Long centre = (Long) e.get("centre_id");
        boolean master = user.hasRole(Role.CPI_MASTER) && centre != null && centre.equals(user.centreId());
        if (!canManage(user) && !master) {
            throw user.centreId() != null && !user.centreId().equals(centre) ? new NotFoundException()
                    : new AccessDeniedException("training");
        }
        LocalDate on = ((java.sql.Date) e.get("on_date")).toLocalDate();
        if (e.get("attended") != null || on.isBefore(Dates.today())) {
            throw new TrainingRefusedException("training.withdraw.tooLate");
        }
        jdbc.sql("delete from training_enrolment where id = ?").param(enrolmentId).update();
        long session = ((Number) e.get("session_id")).longValue();
        audit.recordAs(user.username(), "TRAINING_WITHDRAWN", "TrainingSession", session, (String) e.get("username"));
        return session;
    }

    /** Records who attended, from the session's day on: the region only. {@code version} is the session's as the form showed it. */
    public void recordAttendance(CurrentUser user, long sessionId, long version, Map<Long, Boolean> attended) {
        requireManager(user);
        Session s = jdbc.sql(SESSION + " where s.id = ? for update of s").param(sessionId).query(TrainingWork::session)
                .optional().orElseThrow(NotFoundException::new);
        if (s.version() != version) {
            throw new TrainingRefusedException("training.stale");
        }
        if (s.onDate().isAfter(Dates.today())) {
            throw new TrainingRefusedException("training.attendance.future", Dates.format(s.onDate()));
        }
        int changed = 0;
        for (Map.Entry<Long, Boolean> a : attended.entrySet()) {
            changed += jdbc.sql("""
                    update training_enrolment set attended = ?, attendance_by = ?, attendance_at = ?, version = version + 1
                    where id = ? and session_id = ? and attended is distinct from ?""")
                    .params(a.getValue(), user.username(), Timestamp.from(Instant.now()), a.getKey(), sessionId,
                            a.getValue()).update();
        }
        jdbc.sql("update training_session set version = version + 1 where id = ?").param(sessionId).update();
        audit.recordAs(user.username(), "TRAINING_ATTENDANCE", "TrainingSession", sessionId, "presenze registrate: "
                + attended.values().stream().filter(Boolean::booleanValue).count() + " su " + attended.size()
                + ", modificate " + changed);
    }

    /** An attended enrolment, for its certificate (the download is audited): the person, the region, or the master of the person's CPI. */
    public Enrolled certificateOf(CurrentUser user, long enrolmentId) {
        Map<String, Object> e = jdbc.sql("select session_id, user_id, centre_id from training_enrolment where id = ?")
                .param(enrolmentId).query().listOfRows().stream().findFirst().orElseThrow(NotFoundException::new);
        long session = ((Number) e.get("session_id")).longValue();
        long person = ((Number) e.get("user_id")).longValue();
        Long centre = (Long) e.get("centre_id");
        boolean master = user.hasRole(Role.CPI_MASTER) && centre != null && centre.equals(user.centreId());
        if (!canManage(user) && !master && person != user.id()) {
            throw new NotFoundException();
        }
        Enrolled enrolled = jdbc.sql("""
                select e.id, u.id, u.full_name, u.username, e.centre_id, coalesce(j.name, ''), e.enrolled_by, e.attended
                from training_enrolment e join accounts_user u on u.id = e.user_id
                left join network_job_centre j on j.id = e.centre_id where e.id = ?""").param(enrolmentId)
                .query((rs, n) -> new Enrolled(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6), rs.getString(7), (Boolean) rs.getObject(8)))
                .single();
        if (!Boolean.TRUE.equals(enrolled.attended())) {
            throw new TrainingRefusedException("training.certificate.notAttended");
        }
        audit.recordAs(user.username(), "TRAINING_CERTIFICATE", "TrainingSession", session, enrolled.username());
        return enrolled;
    }

    public long sessionOf(long enrolmentId) {
        return jdbc.sql("select session_id from training_enrolment where id = ?").param(enrolmentId).query(Long.class)
                .optional().orElseThrow(NotFoundException::new);
    }

    // ---- coverage ----

    /** Per CPI: masters, tutors, vacancy referents and all staff, trained (attended a session) or not, and who is missing. */
    @Transactional(readOnly = true)
    public List<Coverage> coverage() {
        return jdbc.sql("""
                with trained as (select distinct user_id from training_enrolment where attended),
                staff as (
                    select u.id, u.full_name, u.centre_id, t.user_id is not null as trained,
                        bool_or(r.role = 'CPI_MASTER') as master, bool_or(r.role = 'CPI_TUTOR') as tutor,
                        bool_or(r.role = 'CPI_VACANCY_REFERENT') as referent
                    from accounts_user u join accounts_user_role r on r.user_id = u.id
                    left join trained t on t.user_id = u.id
                    where u.enabled and u.centre_id is not null group by u.id, u.full_name, u.centre_id, t.user_id)
                select j.id, j.name,
                    count(*) filter (where s.master and s.trained), count(*) filter (where s.master),
                    count(*) filter (where s.tutor and s.trained), count(*) filter (where s.tutor),
                    count(*) filter (where s.referent and s.trained), count(*) filter (where s.referent),
                    count(*) filter (where s.trained), count(s.id),
                    string_agg(s.full_name, ', ' order by s.full_name)
                        filter (where not s.trained and (s.master or s.tutor or s.referent))
                from network_job_centre j left join staff s on s.centre_id = j.id
                group by j.id, j.name order by j.name""")
                .query((rs, n) -> new Coverage(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                        rs.getString(11) == null ? "" : rs.getString(11)))
                .list();
    }

    // ---- helpers ----

    /** The enabled user named by id (the master's list) or by username (the region's field). */
    private Optional<StaffMember> target(String who) {
        if (who == null || who.isBlank() || who.length() > 60) {
            return Optional.empty();
        }
        String w = who.strip();
        long id = w.matches("\\d{1,18}") ? Long.parseLong(w) : -1;
        return jdbc.sql("select id from accounts_user where enabled and (id = ? or lower(username) = lower(?))")
                .params(id, w).query(Long.class).list().stream().findFirst().flatMap(staff::find);
    }

    private void requireManager(CurrentUser user) {
        if (!canManage(user)) {
            throw new AccessDeniedException("training");
        }
    }

    private static String text(String value, int max, String key) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new TrainingRefusedException(key);
        }
        return value.strip().replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]", "");
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Course course(ResultSet rs, int n) throws SQLException {
        return new Course(rs.getLong(1), rs.getString(2), TrainingContent.valueOf(rs.getString(3)), rs.getString(4),
                rs.getBigDecimal(5), rs.getInt(6), rs.getLong(7));
    }

    private static Session session(ResultSet rs, int n) throws SQLException {
        return new Session(rs.getLong(1), rs.getLong(2), rs.getString(3), TrainingContent.valueOf(rs.getString(4)),
                rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalTime.class),
                rs.getObject(8, LocalTime.class), rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getInt(12),
                rs.getInt(13), rs.getLong(14));
    }
}
