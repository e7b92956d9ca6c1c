package it.ricolloca.agenda;

import it.ricolloca.shared.web.Dates;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * The worker's request to move one of their appointments, with a reason. The rule, stated on the
 * worker's page: only a booked appointment, at least {@link #NOTICE_HOURS} hours before it starts,
 * once per appointment, and not for an appointment that already replaces one moved at the worker's
 * request. The office's staff approve it by choosing another free slot (the appointment is then
 * moved) or refuse it with a reason; either way it is decided once.
 */
@Entity
@Table(name = "agenda_move_request")
public class MoveRequest {

    /** How many hours before the appointment the request must arrive. */
    public static final int NOTICE_HOURS = 24;

    /** Where a request stands. */
    public enum Status {
        PENDING,
        APPROVED,
        REFUSED;

        public String labelKey() {
            return "agenda.moveRequest.status." + name();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "appointment_id")
    private long appointmentId;

    @Column(name = "worker_id")
    private long workerId;

    @Column(name = "office_id")
    private long officeId;

    private String reason;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Column(name = "new_appointment_id")
    private Long newAppointmentId;

    @Version
    private long version;

    protected MoveRequest() {
    }

    /**
     * The worker asks to move {@code a}. {@code alreadyAsked}: a request for this appointment exists;
     * {@code movedAtRequest}: the appointment replaces one moved at the worker's request.
     */
    public static MoveRequest ask(Appointment a, String reason, boolean alreadyAsked, boolean movedAtRequest,
            String by, Instant now) {
        if (a.getStatus() != AppointmentStatus.BOOKED) {
            throw new AgendaRefusedException("agenda.moveRequest.notBooked");
        }
        if (!a.getStartsAt().isAfter(now)) {
            throw new AgendaRefusedException("agenda.moveRequest.past");
        }
        Instant deadline = deadline(a);
        if (now.isAfter(deadline)) {
            throw new AgendaRefusedException("agenda.moveRequest.tooLate", Dates.format(deadline));
        }
        if (alreadyAsked) {
            throw new AgendaRefusedException("agenda.moveRequest.already");
        }
        if (movedAtRequest) {
            throw new AgendaRefusedException("agenda.moveRequest.movedOnce");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new AgendaRefusedException("agenda.moveRequest.reason");
        }
        MoveRequest r = new MoveRequest();
        r.appointmentId = a.getId();
        r.workerId = a.getWorkerId();
        r.officeId = a.getOfficeId();
        r.reason = reason.strip();
        r.requestedBy = by;
        r.requestedAt = now;
        r.status = Status.PENDING;
        return r;
    }

    /** The last moment the worker may ask to move {@code a}. */
    public static Instant deadline(Appointment a) {
        return a.getStartsAt().minus(Duration.ofHours(NOTICE_HOURS));
    }

    /** Approved: the appointment was moved to {@code replacementId}. */
    public void approve(long replacementId, String by, Instant now) {
        requirePending();
        this.status = Status.APPROVED;
        this.newAppointmentId = replacementId;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    /** Refused, with the reason the worker reads. */
    public void refuse(String why, String by, Instant now) {
        requirePending();
        if (why == null || why.isBlank() || why.strip().length() > 1000) {
            throw new AgendaRefusedException("agenda.reason.required");
        }
        this.status = Status.REFUSED;
        this.refusalReason = why.strip();
        this.decidedBy = by;
        this.decidedAt = now;
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new AgendaRefusedException("agenda.moveRequest.decided");
        }
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public Long getId() {
        return id;
    }

    public long getAppointmentId() {
        return appointmentId;
    }

    public long getWorkerId() {
        return workerId;
    }

    public long getOfficeId() {
        return officeId;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public Long getNewAppointmentId() {
        return newAppointmentId;
    }

    public long getVersion() {
        return version;
    }
}
