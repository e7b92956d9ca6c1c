package it.ricolloca.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person enrolled in a session (once per course), with their attendance once recorded. */
@Entity
@Table(name = "training_enrolment")
public class Enrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private TrainingSession session;

    @Column(name = "course_id")
    private long courseId;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "centre_id")
    private Long centreId;

    @Column(name = "enrolled_by")
    private String enrolledBy;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    private Boolean attended;

    @Column(name = "attendance_by")
    private String attendanceBy;

    @Column(name = "attendance_at")
    private Instant attendanceAt;

    @Version
    private long version;

    protected Enrolment() {
    }

    Enrolment(TrainingSession session, long userId, Long centreId, String by, Instant at) {
        this.session = session;
        this.courseId = session.getCourseId();
        this.userId = userId;
        this.centreId = centreId;
        this.enrolledBy = by;
        this.enrolledAt = at;
    }

    /** Records presence or absence; true when it changed. */
    boolean recordAttendance(boolean present, String by, Instant at) {
        if (attended != null && attended == present) {
            return false;
        }
        this.attended = present;
        this.attendanceBy = by;
        this.attendanceAt = at;
        return true;
    }

    public Long getId() {
        return id;
    }

    public TrainingSession getSession() {
        return session;
    }

    public long getCourseId() {
        return courseId;
    }

    public long getUserId() {
        return userId;
    }

    public Long getCentreId() {
        return centreId;
    }

    public String getEnrolledBy() {
        return enrolledBy;
    }

    public Boolean getAttended() {
        return attended;
    }
}
