package it.ricolloca.agenda;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A worker's appointment at a provider office, booked in a slot of the agenda or, where no agenda
 * is published, agreed by contact. Cancelling and moving need a reason; the outcome is recorded
 * once the time has come (held, justified or unjustified absence); a moved appointment points to
 * its replacement.
 */
@Entity
@Table(name = "agenda_appointment")
public class Appointment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "office_id")
    private long officeId;

    @Column(name = "worker_id")
    private long workerId;

    @Column(name = "request_id")
    private Long requestId;

    @Enumerated(EnumType.STRING)
    private AppointmentPurpose purpose;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    private String staff;

    @Enumerated(EnumType.STRING)
    private AppointmentStatus status;

    @Column(name = "from_agenda")
    private boolean fromAgenda;

    @Column(name = "contact_note")
    private String contactNote;

    @Column(name = "past_justification")
    private String pastJustification;

    @Column(name = "booked_by")
    private String bookedBy;

    @Column(name = "booked_at")
    private Instant bookedAt;

    @Column(name = "closing_reason")
    private String closingReason;

    @Column(name = "moved_to_id")
    private Long movedToId;

    @Column(name = "outcome_note")
    private String outcomeNote;

    @Column(name = "outcome_by")
    private String outcomeBy;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Version
    private long version;

    protected Appointment() {
    }

    /**
     * A new appointment. One that starts in the past needs a justification (it records a meeting
     * that already happened); one outside the agenda needs the note of the contact that agreed it.
     */
    public static Appointment book(long officeId, long workerId, Long requestId, AppointmentPurpose purpose,
            Instant startsAt, Instant endsAt, String staff, boolean fromAgenda, String contactNote,
            String pastJustification, String bookedBy, Instant now) {
        if (!endsAt.isAfter(startsAt)) {
            throw new AgendaRefusedException("agenda.period.invalid");
        }
        if (startsAt.isBefore(now) && blank(pastJustification)) {
            throw new AgendaRefusedException("agenda.book.pastNeedsJustification");
        }
        if (!fromAgenda && blank(contactNote)) {
            throw new AgendaRefusedException("agenda.book.contactNeedsNote");
        }
        Appointment a = new Appointment();
        a.officeId = officeId;
        a.workerId = workerId;
        a.requestId = requestId;
        a.purpose = purpose;
        a.startsAt = startsAt;
        a.endsAt = endsAt;
        a.staff = staff;
        a.fromAgenda = fromAgenda;
        a.contactNote = blank(contactNote) ? null : contactNote.strip();
        a.pastJustification = blank(pastJustification) ? null : pastJustification.strip();
        a.bookedBy = bookedBy;
        a.bookedAt = now;
        a.status = AppointmentStatus.BOOKED;
        return a;
    }

    /**
     * An appointment that already took place, recorded on its date with its outcome, outside the slot
     * calendar. Refused in the future; a justified absence needs its justification.
     */
    public static Appointment past(long officeId, long workerId, Long requestId, AppointmentPurpose purpose,
            Instant startsAt, Instant endsAt, AppointmentStatus outcome, String note, String by, Instant now) {
        if (!endsAt.isAfter(startsAt)) {
            throw new AgendaRefusedException("agenda.period.invalid");
        }
        if (startsAt.isAfter(now)) {
            throw new AgendaRefusedException("agenda.past.future");
        }
        if (outcome == null || !outcome.isOutcome()) {
            throw new AgendaRefusedException("agenda.outcome.invalid");
        }
        if (outcome == AppointmentStatus.ABSENT_JUSTIFIED && blank(note)) {
            throw new AgendaRefusedException("agenda.outcome.justificationNeeded");
        }
        Appointment a = new Appointment();
        a.officeId = officeId;
        a.workerId = workerId;
        a.requestId = requestId;
        a.purpose = purpose;
        a.startsAt = startsAt;
        a.endsAt = endsAt;
        a.fromAgenda = false;
        a.bookedBy = by;
        a.bookedAt = now;
        a.status = outcome;
        a.outcomeNote = blank(note) ? null : note.strip();
        a.outcomeBy = by;
        return a;
    }

    public void cancel(String reason) {
        requireBooked();
        requireReason(reason);
        this.status = AppointmentStatus.CANCELLED;
        this.closingReason = reason.strip();
    }

    /** Marks the appointment moved, with the reason; it frees its place before the replacement is booked. */
    public void move(String reason) {
        requireBooked();
        requireReason(reason);
        this.status = AppointmentStatus.MOVED;
        this.closingReason = reason.strip();
    }

    /** Points a moved appointment to the one that replaces it. */
    public void replacedBy(long replacementId) {
        if (status != AppointmentStatus.MOVED || movedToId != null) {
            throw new AgendaRefusedException("agenda.appointment.notBooked", status);
        }
        this.movedToId = replacementId;
    }

    /** Records how it went, once it has started. */
    public void recordOutcome(AppointmentStatus outcome, String note, String by, Instant now) {
        requireBooked();
        if (!outcome.isOutcome()) {
            throw new AgendaRefusedException("agenda.outcome.invalid");
        }
        if (startsAt.isAfter(now)) {
            throw new AgendaRefusedException("agenda.outcome.notYet");
        }
        if (outcome == AppointmentStatus.ABSENT_JUSTIFIED && blank(note)) {
            throw new AgendaRefusedException("agenda.outcome.justificationNeeded");
        }
        this.status = outcome;
        this.outcomeNote = blank(note) ? null : note.strip();
        this.outcomeBy = by;
    }

    public void reminded(Instant at) {
        this.remindedAt = at;
    }

    public boolean overlaps(Instant from, Instant to) {
        return startsAt.isBefore(to) && endsAt.isAfter(from);
    }

    private void requireBooked() {
        if (status != AppointmentStatus.BOOKED) {
            throw new AgendaRefusedException("agenda.appointment.notBooked", status);
        }
    }

    private static void requireReason(String reason) {
        if (blank(reason)) {
            throw new AgendaRefusedException("agenda.reason.required");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Long getId() {
        return id;
    }

    public long getOfficeId() {
        return officeId;
    }

    public long getWorkerId() {
        return workerId;
    }

    public Long getRequestId() {
        return requestId;
    }

    public AppointmentPurpose getPurpose() {
        return purpose;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getStaff() {
        return staff;
    }

    public AppointmentStatus getStatus() {
        return status;
    }

    public boolean isFromAgenda() {
        return fromAgenda;
    }

    public String getContactNote() {
        return contactNote;
    }

    public String getPastJustification() {
        return pastJustification;
    }

    public String getBookedBy() {
        return bookedBy;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public Long getMovedToId() {
        return movedToId;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public String getOutcomeBy() {
        return outcomeBy;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public long getVersion() {
        return version;
    }
}
