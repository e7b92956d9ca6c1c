package it.ricolloca.pathway;

import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.PartitaIva;
import it.ricolloca.shared.web.Dates;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "released_on")
    private LocalDate releasedOn;

    @Column(name = "extended_on")
    private LocalDate extendedOn;

    @Column(name = "extension_months")
    private Integer extensionMonths;

    @Column(name = "extension_reason")
    private String extensionReason;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Enumerated(EnumType.STRING)
    private PathwayOutcome outcome;

    @Column(name = "outcome_note")
    private String outcomeNote;

    @Column(name = "hire_employer")
    private String hireEmployer;

    @Column(name = "hire_employer_vat")
    private String hireEmployerVat;

    @Enumerated(EnumType.STRING)
    @Column(name = "hire_contract")
    private ContractType hireContract;

    @Column(name = "hire_weekly_hours")
    private BigDecimal hireWeeklyHours;

    @Column(name = "hire_start")
    private LocalDate hireStart;

    @Column(name = "hire_duration_months")
    private Integer hireDurationMonths;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "pathway_id", insertable = false, updatable = false)
    @OrderBy("suspendedOn, id")
    private List<Suspension> suspensions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "pathway_id", insertable = false, updatable = false)
    @OrderBy("onDate, start, id")
    private List<Meeting> meetings = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "pathway_id", insertable = false, updatable = false)
    @OrderBy("onDate, id")
    private List<DiaryEntry> diary = new ArrayList<>();

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

    /** A pathway of a request released to the provider on {@code releasedOn}. */
    public Pathway(long requestId, long workerId, long centreId, long officeId, LocalDate releasedOn, Instant createdAt) {
        this(requestId, workerId, centreId, officeId, createdAt);
        this.releasedOn = releasedOn;
    }

    /**
     * The service starts on the day of the first appointment held (recorded once), never before the
     * release (DOMAIN.md section 4).
     */
    public void start(LocalDate on) {
        requireNotBeforeRelease(on);
        if (startedOn == null) {
            this.startedOn = on;
        }
    }

    /** Refuses a date of the service before the request was released to the provider. */
    public void requireNotBeforeRelease(LocalDate on) {
        if (releasedOn != null && on.isBefore(releasedOn)) {
            throw new PathwayRefusedException("pathway.date.beforeRelease", Dates.format(releasedOn));
        }
    }

    /**
     * The worker changed provider: the pathway moves to the new provider CPI and office, and the
     * tutor of the old one is no longer named (the new CPI names its own).
     */
    public void moveToProvider(long newCentreId, long newOfficeId) {
        requireOpen();
        this.centreId = newCentreId;
        this.officeId = newOfficeId;
        this.tutorUserId = null;
    }

    /**
     * The day the service is planned to end: the start plus the months of the service (and of the
     * extension), moved on by the days it stood suspended.
     */
    public LocalDate plannedEnd(int serviceMonths, LocalDate today) {
        if (startedOn == null) {
            return null;
        }
        long suspended = suspensions.stream().mapToLong(x -> x.days(today)).sum();
        return startedOn.plusMonths(serviceMonths + (extensionMonths == null ? 0 : extensionMonths)).plusDays(suspended);
    }

    /** Extends the service once, by the months in force, for a reason. */
    public void extend(LocalDate on, int months, String reason) {
        require(PathwayAct.EXTEND);
        if (reason == null || reason.isBlank()) {
            throw new PathwayRefusedException("pathway.reason.required");
        }
        this.extendedOn = on;
        this.extensionMonths = months;
        this.extensionReason = reason.strip();
    }

    /** Suspends the service: the worker was hired on probation or for a fixed term. */
    public void suspend(LocalDate on, ContractType contract, String employer, String note, String by, LocalDate today) {
        require(PathwayAct.SUSPEND);
        if (contract == null || !contract.suspends()) {
            throw new PathwayRefusedException("pathway.suspend.contract");
        }
        if (employer == null || employer.isBlank() || employer.length() > 200) {
            throw new PathwayRefusedException("pathway.suspend.employer");
        }
        if (on.isBefore(startedOn) || on.isAfter(today)) {
            throw new PathwayRefusedException("pathway.date.range", Dates.format(startedOn));
        }
        suspensions.add(new Suspension(id, on, contract, employer.strip(), note == null || note.isBlank() ? null
                : note.strip(), by));
    }

    /** Resumes the service when the job ended within the months allowed after the hiring. */
    public void resume(LocalDate on, int withinMonths, LocalDate today) {
        require(PathwayAct.RESUME);
        Suspension open = suspensions.stream().filter(Suspension::isOpen).findFirst()
                .orElseThrow(() -> new PathwayRefusedException("pathway.resume.notSuspended"));
        if (on.isBefore(open.getSuspendedOn()) || on.isAfter(today)) {
            throw new PathwayRefusedException("pathway.date.range",
                    Dates.format(open.getSuspendedOn()));
        }
        if (on.isAfter(open.getSuspendedOn().plusMonths(withinMonths))) {
            throw new PathwayRefusedException("pathway.resume.late", withinMonths);
        }
        open.resume(on);
    }

    /** Closes the pathway with its outcome; a hire needs its details. A closed pathway never changes. */
    public void close(PathwayOutcome outcome, LocalDate on, String note, Hire hire, LocalDate today) {
        require(PathwayAct.CLOSE);
        if (outcome == null) {
            throw new PathwayRefusedException("pathway.close.outcome");
        }
        if (on.isAfter(today)) {
            throw new PathwayRefusedException("pathway.date.future");
        }
        if (outcome == PathwayOutcome.HIRED) {
            if (hire == null) {
                throw new PathwayRefusedException("pathway.close.hireDetails");
            }
            if (startedOn != null && hire.start().isBefore(startedOn)) {
                throw new PathwayRefusedException("pathway.close.hireBeforeStart", Dates.format(startedOn));
            }
            this.hireEmployer = hire.employer();
            this.hireEmployerVat = hire.employerVat();
            this.hireContract = hire.contract();
            this.hireWeeklyHours = hire.weeklyHours();
            this.hireStart = hire.start();
            this.hireDurationMonths = hire.durationMonths();
        }
        this.outcome = outcome;
        this.closedOn = on;
        this.outcomeNote = note == null || note.isBlank() ? null : note.strip();
    }

    /** Records a meeting of the register, held or missed, between the start and today. */
    public Meeting recordMeeting(LocalDate on, LocalTime from, LocalTime to, MeetingStatus status,
            String topics, String actionsAgreed, LocalDate next, String by, Instant now, LocalDate today) {
        require(PathwayAct.RECORD_MEETING);
        if (on.isBefore(startedOn) || on.isAfter(today)) {
            throw new PathwayRefusedException("pathway.date.range", Dates.format(startedOn));
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new PathwayRefusedException("pathway.meeting.times");
        }
        if (status == null) {
            throw new PathwayRefusedException("pathway.meeting.status");
        }
        if (next != null && !next.isAfter(on)) {
            throw new PathwayRefusedException("pathway.meeting.nextInvalid");
        }
        Meeting m = new Meeting(id, on, from, to, status, blankToNull(topics), blankToNull(actionsAgreed), next, by, now);
        meetings.add(m);
        return m;
    }

    /** Adds a line to the activation diary: from the start of the service to today, with the action's details. */
    public DiaryEntry addDiaryEntry(DiaryAction action, LocalDate on, String how, String company, String profile,
            String outcome, DiaryEntry.Source source, String by, Instant now, LocalDate today) {
        require(PathwayAct.ADD_DIARY_ENTRY);
        if (source == null) {
            throw new PathwayRefusedException("pathway.diary.action.invalid");
        }
        checkDiaryLine(action, on, how, company, today);
        DiaryEntry e = new DiaryEntry(id, action, on, blankToNull(how), blankToNull(company), blankToNull(profile),
                blankToNull(outcome), source, by, now);
        diary.add(e);
        return e;
    }

    private void checkDiaryLine(DiaryAction action, LocalDate on, String how, String company, LocalDate today) {
        if (action == null) {
            throw new PathwayRefusedException("pathway.diary.action.invalid");
        }
        if (on == null || on.isBefore(startedOn) || on.isAfter(today)) {
            throw new PathwayRefusedException("pathway.date.range", Dates.format(startedOn));
        }
        if (action.part() == DiaryPart.ACTIVE_SEARCH && (blankToNull(company) == null && blankToNull(how) == null)) {
            throw new PathwayRefusedException("pathway.diary.companyOrHow");
        }
    }

    /**
     * The worker's own diary line, which they may still change: one they entered (not one transcribed
     * by the tutor) and not yet reviewed in a meeting. A line of another pathway is not found (404).
     */
    public DiaryEntry ownDiaryEntry(long entryId) {
        requireOpen();
        DiaryEntry e = diary.stream().filter(x -> x.getId() != null && x.getId() == entryId).findFirst()
                .orElseThrow(NotFoundException::new);
        if (!e.byWorker()) {
            throw new PathwayRefusedException("pathway.diary.notOwn");
        }
        if (e.isReviewed()) {
            throw new PathwayRefusedException("pathway.diary.reviewedLocked", Dates.format(meetingDate(e.getReviewedMeetingId())));
        }
        return e;
    }

    /** The worker changes a line of their own not yet reviewed, with the same rules as a new one. */
    public DiaryEntry editOwnDiaryEntry(long entryId, DiaryAction action, LocalDate on, String how, String company,
            String profile, String outcome, Instant now, LocalDate today) {
        DiaryEntry e = ownDiaryEntry(entryId);
        require(PathwayAct.ADD_DIARY_ENTRY);
        checkDiaryLine(action, on, how, company, today);
        e.edit(action, on, blankToNull(how), blankToNull(company), blankToNull(profile), blankToNull(outcome), now);
        return e;
    }

    /** The worker attaches the proof of a line of their own not yet reviewed (a document of the dossier). */
    public void attachDiaryProof(long entryId, long documentId) {
        ownDiaryEntry(entryId).proof(documentId);
    }

    /** The worker removes a line of their own not yet reviewed. */
    public DiaryEntry deleteOwnDiaryEntry(long entryId) {
        DiaryEntry e = ownDiaryEntry(entryId);
        diary.remove(e);
        return e;
    }

    /** Marks a diary line reviewed in a meeting held on or after its date. */
    public void reviewDiaryEntry(long entryId, long meetingId) {
        requireOpen();
        DiaryEntry e = diary.stream().filter(x -> x.getId() != null && x.getId() == entryId).findFirst()
                .orElseThrow(() -> new PathwayRefusedException("pathway.diary.noEntry"));
        Meeting m = meetings.stream().filter(x -> x.getId() != null && x.getId() == meetingId
                && x.getStatus() == MeetingStatus.HELD).findFirst()
                .orElseThrow(() -> new PathwayRefusedException("pathway.diary.noMeeting"));
        if (m.getOnDate().isBefore(e.getOnDate())) {
            throw new PathwayRefusedException("pathway.diary.meetingBefore");
        }
        e.reviewedIn(meetingId);
    }

    public List<DiaryEntry> getDiary() {
        return List.copyOf(diary);
    }

    /** The diary lines of one part. */
    public List<DiaryEntry> diaryPart(DiaryPart part) {
        return diary.stream().filter(e -> e.getAction().part() == part).toList();
    }

    public List<Meeting> heldMeetings() {
        return meetings.stream().filter(m -> m.getStatus() == MeetingStatus.HELD).toList();
    }

    /** The date of one of the pathway's meetings. */
    public LocalDate meetingDate(Long meetingId) {
        return meetings.stream().filter(m -> m.getId().equals(meetingId)).map(Meeting::getOnDate).findFirst().orElse(null);
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    public boolean isSuspended() {
        return suspensions.stream().anyMatch(Suspension::isOpen);
    }

    /** Refuses any change once the pathway is closed. */
    public void requireOpen() {
        if (closedOn != null) {
            throw new PathwayRefusedException("pathway.closed");
        }
    }

    /**
     * Why the pathway's state does not allow {@code act} (empty when it does), given its pacts, the
     * latest version first. One rule for the page, which offers only the acts allowed, and for the
     * acts themselves, which refuse the others with this reason.
     */
    public Optional<PathwayRefusedException> refusal(PathwayAct act, List<SearchPact> pacts) {
        if (closedOn != null) {
            return Optional.of(new PathwayRefusedException("pathway.closed"));
        }
        SearchPact latest = pacts.isEmpty() ? null : pacts.get(0);
        PactStatus latestStatus = latest == null ? null : latest.getStatus();
        String key = switch (act) {
            case ASSIGN_TUTOR, CLOSE -> null;
            case EDIT_PACT -> latestStatus == null || latestStatus == PactStatus.DRAFT ? null : "pathway.pact.signedIsFinal";
            case SIGN_PACT -> latestStatus == PactStatus.DRAFT ? null : "pathway.pact.noDraft";
            case AMEND_PACT -> latestStatus == PactStatus.SIGNED ? null : "pathway.pact.amendOnlySigned";
            case UPLOAD_SIGNED_COPY -> pacts.stream().anyMatch(x -> x.getStatus() == PactStatus.SIGNED) ? null
                    : "pathway.pact.notSigned";
            case RECORD_HOURS -> timesheetSignedOn != null ? "pathway.timesheet.signed"
                    : startedOn == null ? "pathway.timesheet.notStarted" : null;
            case REMOVE_HOURS -> timesheetSignedOn != null ? "pathway.timesheet.signed"
                    : timesheet.isEmpty() ? "pathway.timesheet.noEntry" : null;
            case RECORD_MEETING, ADD_DIARY_ENTRY, REPORT_BREACH -> startedOn == null ? "pathway.notStarted" : null;
            case REVIEW_DIARY_ENTRY -> heldMeetings().isEmpty() ? "pathway.diary.noMeeting" : null;
            case EXTEND -> startedOn == null ? "pathway.notStarted" : extendedOn != null ? "pathway.extend.once" : null;
            case SUSPEND -> startedOn == null ? "pathway.notStarted" : isSuspended() ? "pathway.suspend.already" : null;
            case RESUME -> isSuspended() ? null : "pathway.resume.notSuspended";
        };
        if (key == null) {
            return Optional.empty();
        }
        return Optional.of(act == PathwayAct.EDIT_PACT ? new PathwayRefusedException(key, latest.getVersionNo())
                : new PathwayRefusedException(key));
    }

    /** The acts the pathway's state allows, given its pacts (the latest version first). */
    public Set<PathwayAct> allowedActs(List<SearchPact> pacts) {
        Set<PathwayAct> allowed = EnumSet.noneOf(PathwayAct.class);
        for (PathwayAct act : PathwayAct.values()) {
            if (refusal(act, pacts).isEmpty()) {
                allowed.add(act);
            }
        }
        return allowed;
    }

    /** Refuses {@code act}, which depends on the pathway alone, if its state does not allow it. */
    public void require(PathwayAct act) {
        require(act, List.of());
    }

    /** Refuses {@code act} if the pathway's state, with these pacts (the latest first), does not allow it. */
    public void require(PathwayAct act, List<SearchPact> pacts) {
        Optional<PathwayRefusedException> refusal = refusal(act, pacts);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The job that closes a pathway as hired. */
    public record Hire(String employer, String employerVat, ContractType contract, BigDecimal weeklyHours,
            LocalDate start, Integer durationMonths) {

        public Hire {
            if (employer == null || employer.isBlank() || employer.length() > 200 || contract == null || start == null
                    || weeklyHours == null || weeklyHours.signum() <= 0 || weeklyHours.compareTo(new BigDecimal("60")) > 0) {
                throw new PathwayRefusedException("pathway.close.hireDetails");
            }
            employerVat = employerVat == null ? null : employerVat.strip();
            if (employerVat == null || PartitaIva.check(employerVat).isPresent()) {
                throw new PathwayRefusedException("pathway.close.vat");
            }
            if (contract != ContractType.PERMANENT && (durationMonths == null || durationMonths < 1 || durationMonths > 120)) {
                throw new PathwayRefusedException("pathway.close.duration");
            }
            employer = employer.strip();
        }
    }

    /** Names the tutor; changing a tutor already named needs a reason. Returns the previous tutor, if any. */
    public Long assignTutor(long tutorId, String reason) {
        require(PathwayAct.ASSIGN_TUTOR);
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
            throw new PathwayRefusedException("pathway.timesheet.date", Dates.format(serviceStart));
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
        requireOpen();
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

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getReleasedOn() {
        return releasedOn;
    }

    public LocalDate getExtendedOn() {
        return extendedOn;
    }

    public Integer getExtensionMonths() {
        return extensionMonths;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public PathwayOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public String getHireEmployer() {
        return hireEmployer;
    }

    public String getHireEmployerVat() {
        return hireEmployerVat;
    }

    public ContractType getHireContract() {
        return hireContract;
    }

    public BigDecimal getHireWeeklyHours() {
        return hireWeeklyHours;
    }

    public LocalDate getHireStart() {
        return hireStart;
    }

    public Integer getHireDurationMonths() {
        return hireDurationMonths;
    }

    public List<Suspension> getSuspensions() {
        return List.copyOf(suspensions);
    }

    public List<Meeting> getMeetings() {
        return List.copyOf(meetings);
    }

    public List<ServiceTimesheetEntry> getTimesheet() {
        return List.copyOf(timesheet);
    }

    public long getVersion() {
        return version;
    }
}
