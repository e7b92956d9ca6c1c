package it.ricolloca.training;

import it.ricolloca.shared.web.Dates;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.OptimisticLock;

/**
 * A session of a course: its day, time, place and trainer, and the people enrolled. It never
 * takes more than its capacity, enrols nobody on a past day, and takes attendance from its day on.
 * Its version changes when attendance is recorded (the attendance form carries it); enrolments
 * come and go without changing it.
 */
@Entity
@Table(name = "training_session")
public class TrainingSession {

    /** Who is enrolling whom: the person (with their CPI), and whether the enroller is of the region or their CPI's master. */
    public record Enrolling(long userId, Long centreId, String fullName, boolean byRegion, Long enrollerCentreId,
            boolean alreadyInCourse) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "course_id")
    private long courseId;

    @Column(name = "on_date")
    private LocalDate onDate;

    @Column(name = "start_time")
    private LocalTime startTime;

    @Column(name = "end_time")
    private LocalTime endTime;

    private String place;

    private boolean online;

    private String trainer;

    private int capacity;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OptimisticLock(excluded = true)
    private List<Enrolment> enrolments = new ArrayList<>();

    protected TrainingSession() {
    }

    /** A new session of the course; refused with a date over a year ago, an end not after the start, no place for a session in presence, no trainer, or places outside 1 to 500. */
    public static TrainingSession plan(long courseId, LocalDate on, LocalTime start, LocalTime end, String place,
            boolean online, String trainer, Integer capacity, String by, Instant at, LocalDate today) {
        if (on == null || on.isBefore(today.minusYears(1))) {
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
        String t = TrainingText.required(trainer, 200, "training.session.trainer.required");
        if (capacity == null || capacity < 1 || capacity > 500) {
            throw new TrainingRefusedException("training.session.capacity.invalid");
        }
        TrainingSession s = new TrainingSession();
        s.courseId = courseId;
        s.onDate = on;
        s.startTime = start;
        s.endTime = end;
        s.place = p;
        s.online = online;
        s.trainer = t;
        s.capacity = capacity;
        s.createdBy = by;
        s.createdAt = at;
        return s;
    }

    /**
     * Enrols a person: a CPI master only their own CPI's staff, the region anyone with a CPI.
     * Refused when the session is past or full, or the person is already in the course.
     */
    public Enrolment enrol(Enrolling e, String by, Instant at, LocalDate today) {
        if (e.centreId() == null) {
            throw new TrainingRefusedException("training.enrol.noCentre");
        }
        if (!e.byRegion() && !e.centreId().equals(e.enrollerCentreId())) {
            throw new TrainingRefusedException("training.enrol.otherCentre");
        }
        if (onDate.isBefore(today)) {
            throw new TrainingRefusedException("training.enrol.past");
        }
        if (enrolments.size() >= capacity) {
            throw new TrainingRefusedException("training.enrol.full", capacity);
        }
        if (e.alreadyInCourse()) {
            throw new TrainingRefusedException("training.enrol.duplicate", e.fullName());
        }
        Enrolment enrolment = new Enrolment(this, e.userId(), e.centreId(), by, at);
        enrolments.add(enrolment);
        return enrolment;
    }

    /** Withdraws an enrolment before the session's day and before any attendance is recorded. */
    public Enrolment withdraw(long enrolmentId, LocalDate today) {
        Enrolment e = enrolment(enrolmentId).orElseThrow(() -> new TrainingRefusedException("training.withdraw.tooLate"));
        if (e.getAttended() != null || onDate.isBefore(today)) {
            throw new TrainingRefusedException("training.withdraw.tooLate");
        }
        enrolments.remove(e);
        return e;
    }

    /** Records who attended (enrolment id to presence), from the session's day on; returns how many changed. */
    public int recordAttendance(Map<Long, Boolean> attended, String by, Instant at, LocalDate today) {
        if (onDate.isAfter(today)) {
            throw new TrainingRefusedException("training.attendance.future", Dates.format(onDate));
        }
        int changed = 0;
        for (Map.Entry<Long, Boolean> a : attended.entrySet()) {
            Optional<Enrolment> e = enrolment(a.getKey());
            if (e.isPresent() && e.get().recordAttendance(Boolean.TRUE.equals(a.getValue()), by, at)) {
                changed++;
            }
        }
        return changed;
    }

    public Optional<Enrolment> enrolment(long enrolmentId) {
        return enrolments.stream().filter(e -> e.getId() != null && e.getId() == enrolmentId).findFirst();
    }

    public boolean isPast(LocalDate today) {
        return onDate.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public long getCourseId() {
        return courseId;
    }

    public LocalDate getOnDate() {
        return onDate;
    }

    public int getCapacity() {
        return capacity;
    }

    public List<Enrolment> getEnrolments() {
        return List.copyOf(enrolments);
    }

    public long getVersion() {
        return version;
    }
}
