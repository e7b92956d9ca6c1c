package it.ricolloca.requests;

import it.ricolloca.requests.RequestRefusedException.ChecksIncompleteException;
import it.ricolloca.requests.RequestRefusedException.DateOrderException;
import it.ricolloca.requests.RequestRefusedException.NoticeDateMissingException;
import it.ricolloca.requests.RequestRefusedException.NoticeReceiptMissingException;
import it.ricolloca.requests.RequestRefusedException.FinalException;
import it.ricolloca.requests.RequestRefusedException.IllegalTransitionException;
import it.ricolloca.requests.RequestRefusedException.ObservationWindowOpenException;
import it.ricolloca.requests.RequestRefusedException.ObservationsUnansweredException;
import it.ricolloca.requests.RequestRefusedException.ActivePolicyContactMissingException;
import it.ricolloca.requests.RequestRefusedException.ProviderChangeLimitException;
import it.ricolloca.shared.web.Dates;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request for the relocation voucher at the competent CPI, imported from the ministerial list or
 * filed here: the same record either way. Each transition is a named method that checks the
 * current state and refuses an illegal move with a {@link RequestRefusedException}; a rejected or
 * withdrawn request never changes again.
 *
 * <pre>
 * REQUESTED ─check─▶ UNDER_REVIEW ─notice─▶ NOTICE_OF_REJECTION ─reject─▶ REJECTED (final)
 *      │                  │  └────────release────────┴──────────▶ RELEASED
 *      └── block ─▶ BLOCKED ─reenable─▶ REENABLED ─check/notice/release─▶ …
 * any open state ─withdraw─▶ WITHDRAWN (final)
 * </pre>
 *
 * <p>The notice of rejection (art. 10-bis L. 241/1990) opens a window for observations of
 * {@link TermRules#observationWindowDays} days from its receipt (from the notice's own date for a
 * notice the ministerial list brought, until a receipt is recorded); its effect on the decision term
 * follows {@link NoticeRegime}. The derived dates (window's last day, decision deadline) are stored by
 * {@link #refreshTerms} after every act, so that lists read them as columns.
 */
@Entity
@Table(name = "requests_voucher_request")
public class VoucherRequest {

    private static final Set<RequestStatus> REVIEWABLE = EnumSet.of(RequestStatus.REQUESTED, RequestStatus.UNDER_REVIEW,
            RequestStatus.NOTICE_OF_REJECTION, RequestStatus.REENABLED);
    private static final Set<RequestStatus> NOTICEABLE = EnumSet.of(RequestStatus.UNDER_REVIEW, RequestStatus.REENABLED);
    private static final Set<RequestStatus> RELEASABLE = EnumSet.of(RequestStatus.UNDER_REVIEW,
            RequestStatus.NOTICE_OF_REJECTION, RequestStatus.REENABLED);
    private static final Set<RequestStatus> BLOCKABLE = EnumSet.of(RequestStatus.REQUESTED, RequestStatus.UNDER_REVIEW,
            RequestStatus.NOTICE_OF_REJECTION, RequestStatus.RELEASED, RequestStatus.REENABLED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "worker_id")
    private long workerId;

    @Column(name = "request_date")
    private LocalDate requestDate;

    @Enumerated(EnumType.STRING)
    private RequestStatus status;

    @Column(name = "status_date")
    private LocalDate statusDate;

    @Column(name = "competent_centre_id")
    private long competentCentreId;

    @Enumerated(EnumType.STRING)
    private RequestChannel channel;

    @Column(name = "filed_by")
    private String filedBy;

    @Column(name = "previous_request_id")
    private Long previousRequestId;

    @Column(name = "provider_type")
    private String providerType;

    @Column(name = "provider_name")
    private String providerName;

    @Column(name = "provider_office_id")
    private Long providerOfficeId;

    @Column(name = "provider_office")
    private String providerOffice;

    @Column(name = "provider_changes")
    private int providerChanges;

    @Column(name = "rejection_notice_date")
    private LocalDate rejectionNoticeDate;

    @Column(name = "rejection_notice_reasons")
    private String rejectionNoticeReasons;

    @Column(name = "observation_deadline")
    private LocalDate observationDeadline;

    @Column(name = "days_left_at_rejection_notice")
    private Integer daysLeftAtRejectionNotice;

    @Column(name = "rejection_notice_from_list")
    private boolean rejectionNoticeFromList;

    @Column(name = "rejection_notice_received_on")
    private LocalDate rejectionNoticeReceivedOn;

    @Column(name = "decision_deadline")
    private LocalDate decisionDeadline;

    @Column(name = "rejection_notice_letter_id")
    private Long rejectionNoticeLetterId;

    @Column(name = "rejection_decision_letter_id")
    private Long rejectionDecisionLetterId;

    @Column(name = "decision_date")
    private LocalDate decisionDate;

    @Column(name = "decision_reasons")
    private String decisionReasons;

    @Column(name = "observations_answer")
    private String observationsAnswer;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "active_policy_contact_date")
    private LocalDate activePolicyContactDate;

    @Column(name = "active_policy_contact_note")
    private String activePolicyContactNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "active_policy_choice")
    private ActivePolicyChoice activePolicyChoice;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("recordedAt, id")
    private List<RequestCheck> checks = new ArrayList<>();

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("receivedOn, id")
    private List<RequestObservation> observations = new ArrayList<>();

    @Version
    private long version;

    protected VoucherRequest() {
    }

    /**
     * A request filed here: intermediated by the CPI, or filed online by the worker. The caller has
     * checked that the worker is in the invited sample and has no open request.
     */
    public static VoucherRequest file(long workerId, long competentCentreId, LocalDate on, RequestChannel channel,
            Provider provider, String filedBy, Long previousRequestId) {
        if (channel == RequestChannel.IMPORTED) {
            throw new IllegalArgumentException("imported requests come from the ministerial list");
        }
        VoucherRequest r = new VoucherRequest();
        r.workerId = workerId;
        r.competentCentreId = competentCentreId;
        r.requestDate = on;
        r.status = RequestStatus.REQUESTED;
        r.statusDate = on;
        r.channel = channel;
        r.filedBy = filedBy;
        r.previousRequestId = previousRequestId;
        r.setProvider(provider);
        return r;
    }

    /** Records a check; the first one opens the review. A later check of the same kind supersedes an earlier one. */
    public RequestStatus recordCheck(CheckKind kind, CheckOutcome outcome, LocalDate on, String by, String note,
            Instant now) {
        return recordCheck(kind, outcome, on, by, note, now, null, null);
    }

    /**
     * Records a check with, for the NASpI check, the start of unemployment and whether the months
     * required were exceeded on the request date (computed and shown; the operator still decides).
     */
    public RequestStatus recordCheck(CheckKind kind, CheckOutcome outcome, LocalDate on, String by, String note,
            Instant now, LocalDate unemployedSince, Boolean naspiMonthsMet) {
        RequestStatus from = require(RequestAction.CHECK, REVIEWABLE);
        notBeforeRequest(on);
        RequestCheck check = new RequestCheck(this, kind, outcome, on, by, note, now);
        check.computedNaspiMonths(unemployedSince, naspiMonthsMet);
        checks.add(check);
        if (status == RequestStatus.REQUESTED || status == RequestStatus.REENABLED) {
            moveTo(RequestStatus.UNDER_REVIEW, on);
        }
        return from;
    }

    /** Records the contact with a worker who has another active policy in progress, and their choice. */
    public RequestStatus recordActivePolicyContact(LocalDate on, ActivePolicyChoice choice, String note) {
        RequestStatus from = require(RequestAction.ACTIVE_POLICY_CONTACT, REVIEWABLE);
        notBeforeRequest(on);
        if (latestOutcome(CheckKind.OTHER_ACTIVE_POLICY).orElse(null) != CheckOutcome.FAILED) {
            throw new RequestRefusedException("request.refused.noOtherPolicy");
        }
        this.activePolicyContactDate = on;
        this.activePolicyChoice = choice;
        this.activePolicyContactNote = note;
        return from;
    }

    /**
     * Sends the notice of rejection (art. 10-bis L. 241/1990) dated {@code on}: not before the request
     * nor before the failed checks it rests on. The window for observations opens when its receipt is
     * recorded; the decision term is interrupted or suspended by the notice's date ({@link NoticeRegime}).
     */
    public RequestStatus sendRejectionNotice(String reasons, LocalDate on, TermRules rules) {
        RequestStatus from = require(RequestAction.REJECTION_NOTICE, NOTICEABLE);
        List<RequestCheck> failed = latest().values().stream().filter(c -> c.getOutcome() == CheckOutcome.FAILED).toList();
        if (failed.isEmpty()) {
            throw new RequestRefusedException("request.refused.noFailedCheck");
        }
        requireActivePolicyContact();
        notBeforeRequest(on);
        LocalDate lastFailed = failed.stream().map(RequestCheck::getCheckedOn).max(LocalDate::compareTo).orElseThrow();
        if (on.isBefore(lastFailed)) {
            throw new DateOrderException("request.refused.noticeBeforeCheck", Dates.format(lastFailed));
        }
        this.rejectionNoticeDate = on;
        this.rejectionNoticeReasons = reasons;
        this.rejectionNoticeFromList = false;
        this.rejectionNoticeReceivedOn = null;
        moveTo(RequestStatus.NOTICE_OF_REJECTION, on);
        refreshTerms(rules);
        return from;
    }

    /**
     * The date of a notice the ministerial list brought without one (or with a wrong one): not before the
     * request, not after its receipt or the observations. A notice sent here keeps the date it was sent.
     */
    public RequestStatus recordNoticeDate(LocalDate on, TermRules rules) {
        RequestStatus from = require(RequestAction.NOTICE_DATE, EnumSet.of(RequestStatus.NOTICE_OF_REJECTION));
        if (!rejectionNoticeFromList) {
            throw new RequestRefusedException("request.refused.noticeDateOwn", Dates.format(rejectionNoticeDate));
        }
        notBeforeRequest(on);
        if (rejectionNoticeReceivedOn != null && on.isAfter(rejectionNoticeReceivedOn)) {
            throw new DateOrderException("request.refused.noticeAfterReceipt", Dates.format(rejectionNoticeReceivedOn));
        }
        firstObservation().filter(on::isAfter).ifPresent(d -> {
            throw new DateOrderException("request.refused.noticeAfterObservations", Dates.format(d));
        });
        this.rejectionNoticeDate = on;
        refreshTerms(rules);
        return from;
    }

    /**
     * The day the worker received the notice: the window for observations counts from it. Not before
     * the notice, not after the first observations; recorded again, the later record counts.
     */
    public RequestStatus recordNoticeReceipt(LocalDate on, TermRules rules) {
        RequestStatus from = require(RequestAction.NOTICE_RECEIPT, EnumSet.of(RequestStatus.NOTICE_OF_REJECTION));
        requireNoticeDate();
        if (on.isBefore(rejectionNoticeDate)) {
            throw new DateOrderException("request.refused.receiptBeforeNotice", Dates.format(rejectionNoticeDate));
        }
        firstObservation().filter(on::isAfter).ifPresent(d -> {
            throw new DateOrderException("request.refused.receiptAfterObservations", Dates.format(d));
        });
        this.rejectionNoticeReceivedOn = on;
        refreshTerms(rules);
        return from;
    }

    public void attachRejectionNoticeLetter(long documentId) {
        requireNotFinal();
        this.rejectionNoticeLetterId = documentId;
    }

    /** Records the observations the worker sent, with the ids of the attached documents already stored. */
    public RequestStatus recordObservation(LocalDate receivedOn, String text, String by, Instant now,
            List<Long> documentIds) {
        RequestStatus from = require(RequestAction.OBSERVATION, EnumSet.of(RequestStatus.NOTICE_OF_REJECTION));
        requireNoticeDate();
        if (receivedOn.isBefore(rejectionNoticeDate)) {
            throw new DateOrderException("request.refused.observationBeforeNotice", Dates.format(rejectionNoticeDate));
        }
        if (rejectionNoticeReceivedOn != null && receivedOn.isBefore(rejectionNoticeReceivedOn)) {
            throw new DateOrderException("request.refused.observationBeforeReceipt", Dates.format(rejectionNoticeReceivedOn));
        }
        observations.add(new RequestObservation(this, receivedOn, text, by, now, documentIds));
        return from;
    }

    /** Releases the voucher: every check must have passed (a check recorded again after observations counts). */
    public RequestStatus release(LocalDate on, String by, String note) {
        RequestStatus from = require(RequestAction.RELEASE, RELEASABLE);
        if (status == RequestStatus.NOTICE_OF_REJECTION) {
            requireNoticeDate();
        }
        Map<CheckKind, RequestCheck> latest = latest();
        if (latest.size() < CheckKind.values().length
                || latest.values().stream().anyMatch(c -> c.getOutcome() != CheckOutcome.PASSED)) {
            throw new ChecksIncompleteException();
        }
        decide(on, by, note, from == RequestStatus.NOTICE_OF_REJECTION && !observations.isEmpty() ? note : null);
        moveTo(RequestStatus.RELEASED, on);
        return from;
    }

    /**
     * Released by silence ({@code SILENCE_MEANS_APPROVAL}): the decision term passed with no notice
     * pending and no decision. No check is required: silence stands for the decision.
     */
    public RequestStatus releaseBySilence(LocalDate on, String by, String reasons) {
        RequestStatus from = require(RequestAction.SILENCE_RELEASE, EnumSet.of(RequestStatus.REQUESTED,
                RequestStatus.UNDER_REVIEW, RequestStatus.REENABLED));
        decide(on, by, reasons, null);
        moveTo(RequestStatus.RELEASED, on);
        return from;
    }

    /**
     * Rejects the request for ever. Only after a notice with its date, once its observation window has
     * closed or observations have arrived; a notice sent here needs its receipt recorded before the
     * window can close. The reasons must answer the observations received.
     */
    public RequestStatus reject(LocalDate on, String by, String reasons, String observationsAnswer) {
        RequestStatus from = require(RequestAction.REJECT, EnumSet.of(RequestStatus.NOTICE_OF_REJECTION));
        requireNoticeDate();
        boolean observed = !currentObservations().isEmpty();
        if (!observed && observationDeadline == null) {
            throw new NoticeReceiptMissingException();
        }
        if (!observed && !on.isAfter(observationDeadline)) {
            throw new ObservationWindowOpenException(Dates.format(observationDeadline));
        }
        if (observed && (observationsAnswer == null || observationsAnswer.isBlank())) {
            throw new ObservationsUnansweredException();
        }
        requireActivePolicyContact();
        decide(on, by, reasons, observed ? observationsAnswer : null);
        moveTo(RequestStatus.REJECTED, on);
        return from;
    }

    public RequestStatus block(LocalDate on) {
        RequestStatus from = require(RequestAction.BLOCK, BLOCKABLE);
        moveTo(RequestStatus.BLOCKED, on);
        return from;
    }

    public RequestStatus reenable(LocalDate on) {
        RequestStatus from = require(RequestAction.REENABLE, EnumSet.of(RequestStatus.BLOCKED));
        moveTo(RequestStatus.REENABLED, on);
        return from;
    }

    /** The worker withdraws the request: closed for ever. */
    public RequestStatus withdraw(LocalDate on) {
        RequestStatus from = requireNotFinal();
        moveTo(RequestStatus.WITHDRAWN, on);
        return from;
    }

    /** The worker changes provider; allowed {@code allowedChanges} times per request. */
    public RequestStatus changeProvider(Provider provider, int allowedChanges) {
        RequestStatus from = requireNotFinal();
        if (providerChanges >= allowedChanges) {
            throw new ProviderChangeLimitException(allowedChanges);
        }
        providerChanges++;
        setProvider(provider);
        return from;
    }

    /**
     * Stores the dates the notice's facts give: the last day of the window for observations (counted
     * from the receipt, or from the notice's date for a notice the list brought and whose receipt is
     * not recorded; none while a notice sent here waits for its receipt) and the decision deadline
     * after the notice ({@link #decisionDeadline}).
     */
    public void refreshTerms(TermRules rules) {
        if (rejectionNoticeDate == null) {
            this.observationDeadline = null;
            this.daysLeftAtRejectionNotice = null;
            this.decisionDeadline = null;
            return;
        }
        NoticeTerms t = noticeTerms(requestDate, rejectionNoticeDate, windowStart(),
                currentObservations().stream().map(RequestObservation::getReceivedOn).toList(), rules);
        this.observationDeadline = t.observationDeadline();
        this.daysLeftAtRejectionNotice = t.daysLeft();
        this.decisionDeadline = t.decisionDeadline();
    }

    /** The dates a notice gives: the window's last day, the days left (suspension only), the decision deadline. */
    public record NoticeTerms(LocalDate observationDeadline, Integer daysLeft, LocalDate decisionDeadline) {
    }

    /**
     * The rule of art. 10-bis L. 241/1990 as this system counts it. The window runs
     * {@link TermRules#observationWindowDays} days from {@code windowStart} (none while it is null), its last
     * day carried to a working day. Observations count when received within the window (all of them while
     * the window is not known); the latest of them is the one the term runs from. Interrupted (notice up to
     * 16/7/2020): the full decision term runs anew from the observations or, without them, from the window's
     * last day. Suspended (from 17/7/2020): the days left at the notice (from the nominal deadline) resume
     * ten days after the observations or, without them, at the window's last day. The deadline's last day
     * is carried to a working day; it is null while neither observations nor the window are known.
     */
    public static NoticeTerms noticeTerms(LocalDate requestDate, LocalDate noticeDate, LocalDate windowStart,
            List<LocalDate> observationDates, TermRules rules) {
        LocalDate windowEnd = windowStart == null ? null
                : rules.lastDay(windowStart.plusDays(rules.observationWindowDays(noticeDate)));
        int days = rules.decisionDays(requestDate);
        LocalDate nominal = requestDate.plusDays(days);
        Optional<LocalDate> observed = observationDates.stream().filter(d -> !d.isBefore(noticeDate))
                .filter(d -> windowEnd == null || !d.isAfter(windowEnd)).max(LocalDate::compareTo);
        if (NoticeRegime.of(noticeDate) == NoticeRegime.INTERRUPTED) {
            LocalDate from = observed.orElse(windowEnd);
            return new NoticeTerms(windowEnd, null, from == null ? null : rules.lastDay(from.plusDays(days)));
        }
        int left = (int) Math.max(0, ChronoUnit.DAYS.between(noticeDate, nominal));
        LocalDate resumes = observed.map(d -> d.plusDays(NoticeRegime.RESUMES_AFTER_OBSERVATIONS_DAYS)).orElse(windowEnd);
        return new NoticeTerms(windowEnd, left, resumes == null ? null : rules.lastDay(resumes.plusDays(left)));
    }

    /**
     * The day the decision is due: without a notice, the request date plus the decision days, carried
     * to the next working day; after a notice, as {@link NoticeRegime} says (empty while the notice
     * waits for its date or for its receipt).
     */
    public Optional<LocalDate> decisionDeadline(TermRules rules) {
        if (rejectionNoticeDate == null && status != RequestStatus.NOTICE_OF_REJECTION) {
            return Optional.of(rules.lastDay(requestDate.plusDays(rules.decisionDays(requestDate))));
        }
        if (rejectionNoticeDate == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(decisionDeadline);
    }

    /** What the notice does to the decision term, by its date; null without a notice date. */
    public NoticeRegime regime() {
        return rejectionNoticeDate == null ? null : NoticeRegime.of(rejectionNoticeDate);
    }

    /** The first day the window counts from: the receipt, else the date of a notice the list brought. */
    public LocalDate windowStart() {
        if (rejectionNoticeReceivedOn != null) {
            return rejectionNoticeReceivedOn;
        }
        return rejectionNoticeFromList ? rejectionNoticeDate : null;
    }

    /** A notice of rejection the list brought without its date: the page asks for it before any decision. */
    public boolean needsNoticeDate() {
        return status == RequestStatus.NOTICE_OF_REJECTION && rejectionNoticeDate == null;
    }

    /** A notice sent here whose receipt is not recorded yet: its window has not started. */
    public boolean awaitsNoticeReceipt() {
        return status == RequestStatus.NOTICE_OF_REJECTION && rejectionNoticeDate != null && windowStart() == null;
    }

    /** The observations received for the current notice (on or after its date). */
    public List<RequestObservation> currentObservations() {
        return rejectionNoticeDate == null ? List.of()
                : observations.stream().filter(o -> !o.getReceivedOn().isBefore(rejectionNoticeDate)).toList();
    }

    private Optional<LocalDate> firstObservation() {
        return currentObservations().stream().map(RequestObservation::getReceivedOn).min(LocalDate::compareTo);
    }

    private void requireNoticeDate() {
        if (rejectionNoticeDate == null) {
            throw new NoticeDateMissingException();
        }
    }

    private void notBeforeRequest(LocalDate on) {
        if (on.isBefore(requestDate)) {
            throw new DateOrderException("request.refused.beforeRequest", Dates.format(requestDate));
        }
    }

    /** The latest check of each kind. */
    public Map<CheckKind, RequestCheck> latest() {
        Map<CheckKind, RequestCheck> latest = new EnumMap<>(CheckKind.class);
        checks.forEach(c -> latest.put(c.getKind(), c));
        return latest;
    }

    public Optional<CheckOutcome> latestOutcome(CheckKind kind) {
        return Optional.ofNullable(latest().get(kind)).map(RequestCheck::getOutcome);
    }

    /** Another active policy is in progress and the worker has not been contacted yet. */
    public boolean needsActivePolicyContact() {
        return latestOutcome(CheckKind.OTHER_ACTIVE_POLICY).orElse(null) == CheckOutcome.FAILED && activePolicyContactDate == null;
    }

    private void requireActivePolicyContact() {
        if (needsActivePolicyContact()) {
            throw new ActivePolicyContactMissingException();
        }
    }

    private void decide(LocalDate on, String by, String reasons, String answer) {
        this.decisionDate = on;
        this.decidedBy = by;
        this.decisionReasons = reasons;
        this.observationsAnswer = answer;
    }

    private RequestStatus require(RequestAction action, Set<RequestStatus> allowed) {
        requireNotFinal();
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(action, status);
        }
        return status;
    }

    private RequestStatus requireNotFinal() {
        if (status.isFinal()) {
            throw new FinalException(status);
        }
        return status;
    }

    private void moveTo(RequestStatus next, LocalDate on) {
        this.status = next;
        this.statusDate = on;
    }

    private void setProvider(Provider provider) {
        if (provider == null) {
            return;
        }
        this.providerType = provider.type();
        this.providerName = provider.name();
        this.providerOfficeId = provider.officeId();
        this.providerOffice = provider.office();
    }

    public Long getId() {
        return id;
    }

    public long getWorkerId() {
        return workerId;
    }

    public LocalDate getRequestDate() {
        return requestDate;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public LocalDate getStatusDate() {
        return statusDate;
    }

    public long getCompetentCentreId() {
        return competentCentreId;
    }

    public RequestChannel getChannel() {
        return channel;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public Long getPreviousRequestId() {
        return previousRequestId;
    }

    public Provider getProvider() {
        return providerType == null && providerName == null ? null
                : new Provider(providerType, providerName, providerOfficeId, providerOffice);
    }

    public int getProviderChanges() {
        return providerChanges;
    }

    public LocalDate getRejectionNoticeDate() {
        return rejectionNoticeDate;
    }

    public String getRejectionNoticeReasons() {
        return rejectionNoticeReasons;
    }

    /** The last day of the window for observations (carried to a working day); null until it is known. */
    public LocalDate getObservationDeadline() {
        return observationDeadline;
    }

    public boolean isRejectionNoticeFromList() {
        return rejectionNoticeFromList;
    }

    public LocalDate getRejectionNoticeReceivedOn() {
        return rejectionNoticeReceivedOn;
    }

    /** Days of the decision term left at a notice that suspends it; null for a notice that interrupts it. */
    public Integer getDaysLeftAtRejectionNotice() {
        return daysLeftAtRejectionNotice;
    }

    /** Keeps the decision letter of the rejection, written once the request is rejected. */
    public void attachRejectionDecisionLetter(long documentId) {
        if (status != RequestStatus.REJECTED) {
            throw new IllegalStateException("a decision letter belongs to a rejected request");
        }
        this.rejectionDecisionLetterId = documentId;
    }

    public Long getRejectionDecisionLetterId() {
        return rejectionDecisionLetterId;
    }

    public Long getRejectionNoticeLetterId() {
        return rejectionNoticeLetterId;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public String getDecisionReasons() {
        return decisionReasons;
    }

    public String getObservationsAnswer() {
        return observationsAnswer;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDate getActivePolicyContactDate() {
        return activePolicyContactDate;
    }

    public String getActivePolicyContactNote() {
        return activePolicyContactNote;
    }

    public ActivePolicyChoice getActivePolicyChoice() {
        return activePolicyChoice;
    }

    public List<RequestCheck> getChecks() {
        return List.copyOf(checks);
    }

    public List<RequestObservation> getObservations() {
        return List.copyOf(observations);
    }

    public long getVersion() {
        return version;
    }
}
