package it.ricolloca.pathway;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The service a provider CPI gives one worker for one released request: which office, which tutor,
 * and the Fee4Service timesheet, filled from the first appointment held and signed with the pact.
 * The start of the service is the date of the first appointment held (the agenda knows it).
 */
@Entity
@Table(name = "pathway_pathway")
public class Pathway {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private long requestId;

    @Column(name = "worker_id")
    private long workerId;

    @Column(name = "centre_id")
    private long centreId;

    @Column(name = "office_id")
    private long officeId;

    @Column(name = "tutor_user_id")
    private Long tutorUserId;

    @Column(name = "timesheet_signed_on")
    private LocalDate timesheetSignedOn;

    @Column(name = "created_at")
    private Instant createdAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "pathway_id", insertable = false, updatable = false)
    @OrderBy("onDate, id")
    private List<ServiceTimesheetEntry> timesheet = new ArrayList<>();

    @Version
    private long version;

    protected Pathway() {
    }

    public Pathway(long requestId, long workerId, long centreId, long officeId, Instant createdAt) {
        this.requestId = requestId;
        this.workerId = workerId;
        this.centreId = centreId;
        this.officeId = officeId;
        this.createdAt = createdAt;
    }

    /** Names the tutor; changing a tutor already named needs a reason. Returns the previous tutor, if any. */
    public Long assignTutor(long tutorId, String reason) {
        if (tutorUserId != null && tutorUserId == tutorId) {
            throw new PathwayRefusedException("pathway.tutor.same");
        }
        if (tutorUserId != null && (reason == null || reason.isBlank())) {
            throw new PathwayRefusedException("pathway.tutor.reasonRequired");
        }
        Long previous = tutorUserId;
        this.tutorUserId = tutorId;
        return previous;
    }

    /** Adds hours to the timesheet: from the first appointment held, until the timesheet is signed. */
    public ServiceTimesheetEntry addHours(ServiceTimesheetActivity activity, LocalDate on, BigDecimal hours, String note,
            LocalDate serviceStart, LocalDate today, String by, Instant now) {
        requireTimesheetOpen();
        if (serviceStart == null) {
            throw new PathwayRefusedException("pathway.timesheet.notStarted");
        }
        if (on.isBefore(serviceStart) || on.isAfter(today)) {
            throw new PathwayRefusedException("pathway.timesheet.date", it.ricolloca.shared.web.Dates.format(serviceStart));
        }
        if (hours == null || hours.signum() <= 0 || hours.compareTo(new BigDecimal("12")) > 0 || hours.scale() > 2) {
            throw new PathwayRefusedException("pathway.timesheet.hours");
        }
        ServiceTimesheetEntry entry = new ServiceTimesheetEntry(id, activity, on, hours, note == null || note.isBlank() ? null
                : note.strip(), by, now);
        timesheet.add(entry);
        return entry;
    }

    public void removeHours(long entryId) {
        requireTimesheetOpen();
        if (!timesheet.removeIf(e -> e.getId() != null && e.getId() == entryId)) {
            throw new PathwayRefusedException("pathway.timesheet.noEntry");
        }
    }

    /** Signs the timesheet (with the first signed pact); it never changes afterwards. */
    public void signTimesheet(LocalDate on) {
        requireTimesheetOpen();
        if (timesheet.isEmpty()) {
            throw new PathwayRefusedException("pathway.timesheet.empty");
        }
        this.timesheetSignedOn = on;
    }

    public BigDecimal totalHours() {
        return timesheet.stream().map(ServiceTimesheetEntry::getHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void requireTimesheetOpen() {
        if (timesheetSignedOn != null) {
            throw new PathwayRefusedException("pathway.timesheet.signed");
        }
    }

    public Long getId() {
        return id;
    }

    public long getRequestId() {
        return requestId;
    }

    public long getWorkerId() {
        return workerId;
    }

    public long getCentreId() {
        return centreId;
    }

    public long getOfficeId() {
        return officeId;
    }

    public Long getTutorUserId() {
        return tutorUserId;
    }

    public LocalDate getTimesheetSignedOn() {
        return timesheetSignedOn;
    }

    public List<ServiceTimesheetEntry> getTimesheet() {
        return List.copyOf(timesheet);
    }

    public long getVersion() {
        return version;
    }
}
