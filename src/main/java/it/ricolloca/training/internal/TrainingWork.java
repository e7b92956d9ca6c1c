package it.ricolloca.training.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.training.Enrolment;
import it.ricolloca.training.TrainingContent;
import it.ricolloca.training.TrainingCourse;
import it.ricolloca.training.TrainingRefusedException;
import it.ricolloca.training.TrainingSession;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses, sessions, enrolments and attendance. The acts go through the aggregates
 * ({@link TrainingCourse}, {@link TrainingSession} with its enrolments) after the guard of
 * {@link TrainingRights}; the lists are read from the training tables, and people and CPIs are
 * named through the accounts and network modules. A session never takes more than its capacity
 * (its row is locked while enrolling). Every change is audited.
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
    private final TrainingCourseRepository courseRepository;
    private final TrainingSessionRepository sessionRepository;
    private final EnrolmentRepository enrolments;
    private final TrainingRights rights;
    private final StaffDirectory staff;
    private final JobCentres centres;
    private final AuditTrail audit;
    private final EntityManager entityManager;

    TrainingWork(JdbcClient jdbc, TrainingCourseRepository courseRepository, TrainingSessionRepository sessionRepository,
            EnrolmentRepository enrolments, TrainingRights rights, StaffDirectory staff, JobCentres centres,
            AuditTrail audit, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.courseRepository = courseRepository;
        this.sessionRepository = sessionRepository;
        this.enrolments = enrolments;
        this.rights = rights;
        this.staff = staff;
        this.centres = centres;
        this.audit = audit;
        this.entityManager = entityManager;
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

    public long createCourse(CurrentUser user, String title, TrainingContent content, String description,
            BigDecimal hours) {
        ActGuard.require(rights.canManage(user), "training");
        TrainingCourse c = courseRepository.save(TrainingCourse.create(title, content, description, hours,
                user.username(), Instant.now()));
        audit.recordAs(user.username(), "TRAINING_COURSE_CREATED", "TrainingCourse", c.getId(),
                Detail.of("audit.detail.course", Detail.label(content.labelKey()), c.getTitle()).encoded());
        return c.getId();
    }

    public long addSession(CurrentUser user, long courseId, LocalDate on, LocalTime start, LocalTime end, String place,
            boolean online, String trainer, Integer capacity) {
        ActGuard.require(rights.canManage(user), "training");
        courseRepository.findById(courseId).orElseThrow(NotFoundException::new);
        TrainingSession s = sessionRepository.save(TrainingSession.plan(courseId, on, start, end, place, online, trainer,
                capacity, user.username(), Instant.now(), Dates.today()));
        audit.recordAs(user.username(), "TRAINING_SESSION_CREATED", "TrainingSession", s.getId(),
                Detail.of("audit.detail.session", courseId, on, start, end, capacity).encoded());
        return s.getId();
    }

    // ---- enrolments ----

    /** Those enrolled in the session whom the user may see: everyone for the region, their own CPI's for a CPI user. */
    @Transactional(readOnly = true)
    public List<Enrolled> enrolled(CurrentUser user, long sessionId) {
        List<Enrolment> found = enrolments.findBySessionId(sessionId).stream()
                .filter(e -> rights.listsEnrolment(user, e.getCentreId(), e.getUserId())).toList();
        return named(found).stream().sorted(Comparator.comparing((Enrolled e) -> e.centreId() == null ? 0 : 1)
                .thenComparing(Enrolled::centre).thenComparing(Enrolled::fullName)).toList();
    }

    /** A person one may enrol, as the list offers them: with their CPI. */
    public record Candidate(long id, String fullName, String username, String centre) {
    }

    /**
     * The staff one may still enrol in the session's course, not enrolled in it yet: a CPI master their CPI's,
     * the region the staff of every CPI (by CPI, then name). The enrolment form offers them as a list and takes
     * no one else.
     */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(CurrentUser user, long sessionId) {
        List<StaffMember> eligible;
        if (rights.canManage(user)) {
            eligible = List.copyOf(staff.centreStaffWithRoles().keySet());
        } else if (user.centreId() != null && user.hasRole(Role.CPI_MASTER)) {
            eligible = staff.of(user.centreId());
        } else {
            return List.of();
        }
        Session s = session(sessionId);
        Set<Long> taken = Set.copyOf(enrolments.findUserIdsByCourseId(s.courseId()));
        Map<Long, String> centreNames = centres.names();
        return eligible.stream().filter(m -> !taken.contains(m.id()) && m.centreId() != null)
                .map(m -> new Candidate(m.id(), m.fullName(), m.username(), centreNames.getOrDefault(m.centreId(), "")))
                .sorted(Comparator.comparing(Candidate::centre).thenComparing(Candidate::fullName))
                .toList();
    }

    /**
     * Enrols a user in a session: a CPI master their own CPI's staff, the region anyone with a CPI.
     * Refused when the session is full or past, or the user is already enrolled in the course.
     */
    public long enrol(CurrentUser user, long sessionId, String who) {
        ActGuard.require(rights.canEnrol(user), "training");
        TrainingSession s = sessionRepository.findLocked(sessionId).orElseThrow(NotFoundException::new);
        StaffMember target = target(who).orElseThrow(() -> new TrainingRefusedException("training.enrol.unknownUser"));
        boolean already = enrolments.existsByCourseIdAndUserId(s.getCourseId(), target.id());
        Enrolment e = s.enrol(new TrainingSession.Enrolling(target.id(), target.centreId(), target.fullName(),
                rights.canManage(user), user.centreId(), already), user.username(), Instant.now(), Dates.today());
        long id = enrolments.save(e).getId();
        audit.recordAs(user.username(), "TRAINING_ENROLLED", "TrainingSession", sessionId, target.username());
        return id;
    }

    /** Withdraws an enrolment before the session's day: the region, or the master of the enrolled person's CPI. */
    public long withdraw(CurrentUser user, long enrolmentId) {
        Enrolment e = ActGuard.allowed(enrolments.findById(enrolmentId), x -> rights.seesEnrolment(user, x.getCentreId()),
                x -> rights.canWithdraw(user, x.getCentreId()), "training");
        TrainingSession s = e.getSession();
        s.withdraw(enrolmentId, Dates.today());
        audit.recordAs(user.username(), "TRAINING_WITHDRAWN", "TrainingSession", s.getId(),
                staff.find(e.getUserId()).map(StaffMember::username).orElse(""));
        return s.getId();
    }

    /** Records who attended, from the session's day on: the region only. {@code version} is the session's as the form showed it. */
    public void recordAttendance(CurrentUser user, long sessionId, Long version, Map<Long, Boolean> attended) {
        TrainingSession s = ActGuard.act(sessionRepository.findById(sessionId), x -> true, x -> rights.canManage(user),
                TrainingSession::getVersion, version, "training");
        int changed = s.recordAttendance(attended, user.username(), Instant.now(), Dates.today());
        entityManager.lock(s, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        audit.recordAs(user.username(), "TRAINING_ATTENDANCE", "TrainingSession", sessionId, Detail.of("audit.detail.attendance",
                attended.values().stream().filter(Boolean::booleanValue).count(), attended.size(), changed).encoded());
    }

    /** An attended enrolment, for its certificate (the download is audited): the person, the region, or the master of the person's CPI. */
    public Enrolled certificateOf(CurrentUser user, long enrolmentId) {
        Enrolment e = ActGuard.visible(enrolments.findById(enrolmentId),
                x -> rights.canReadCertificate(user, x.getCentreId(), x.getUserId()));
        if (!Boolean.TRUE.equals(e.getAttended())) {
            throw new TrainingRefusedException("training.certificate.notAttended");
        }
        Enrolled enrolled = named(List.of(e)).get(0);
        audit.recordAs(user.username(), "TRAINING_CERTIFICATE", "TrainingSession", e.getSession().getId(),
                enrolled.username());
        return enrolled;
    }

    @Transactional(readOnly = true)
    public long sessionOf(long enrolmentId) {
        return enrolments.findById(enrolmentId).map(e -> e.getSession().getId()).orElseThrow(NotFoundException::new);
    }

    // ---- coverage ----

    /** Per CPI: masters, tutors, vacancy referents and all staff, trained (attended a session) or not, and who is missing. */
    @Transactional(readOnly = true)
    public List<Coverage> coverage() {
        Set<Long> trained = Set.copyOf(enrolments.findTrainedUserIds());
        Map<StaffMember, Set<Role>> people = staff.centreStaffWithRoles();
        List<Coverage> rows = new ArrayList<>();
        for (CentreSummary centre : centres.all()) {
            int[] n = new int[8];
            List<String> missing = new ArrayList<>();
            people.forEach((m, roles) -> {
                if (roles.isEmpty() || !Long.valueOf(centre.id()).equals(m.centreId())) {
                    return;
                }
                boolean t = trained.contains(m.id());
                boolean master = roles.contains(Role.CPI_MASTER);
                boolean tutor = roles.contains(Role.CPI_TUTOR);
                boolean referent = roles.contains(Role.CPI_VACANCY_REFERENT);
                count(n, 0, master, t);
                count(n, 2, tutor, t);
                count(n, 4, referent, t);
                count(n, 6, true, t);
                if (!t && (master || tutor || referent)) {
                    missing.add(m.fullName());
                }
            });
            missing.sort(Comparator.naturalOrder());
            rows.add(new Coverage(centre.id(), centre.name(), n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7],
                    String.join(", ", missing)));
        }
        return rows;
    }

    private static void count(int[] n, int at, boolean holds, boolean trained) {
        if (holds) {
            n[at + 1]++;
            if (trained) {
                n[at]++;
            }
        }
    }

    // ---- helpers ----

    /** The enrolments with the person and their CPI named: one query for the people, one for the CPIs. */
    private List<Enrolled> named(List<Enrolment> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, StaffMember> people = staff.find(found.stream().map(Enrolment::getUserId).toList());
        Map<Long, String> centreNames = centres.names();
        return found.stream().map(e -> {
            StaffMember m = people.get(e.getUserId());
            return new Enrolled(e.getId(), e.getUserId(), m == null ? "" : m.fullName(), m == null ? "" : m.username(),
                    e.getCentreId(), e.getCentreId() == null ? "" : centreNames.getOrDefault(e.getCentreId(), ""),
                    e.getEnrolledBy(), e.getAttended());
        }).toList();
    }

    /** The enabled user named by id (the master's list) or by username (the region's field). */
    private Optional<StaffMember> target(String who) {
        if (who == null || who.isBlank() || who.length() > 60) {
            return Optional.empty();
        }
        String w = who.strip();
        if (w.matches("\\d{1,18}")) {
            Optional<StaffMember> byId = staff.findEnabled(Long.parseLong(w));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return staff.findEnabledByUsername(w);
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
