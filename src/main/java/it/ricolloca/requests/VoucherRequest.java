package it.ricolloca.requests;

import it.ricolloca.requests.RequestRefusedException.ChecksIncompleteException;
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

    @Column(name = "rejection_notice_letter_id")
    private Long rejectionNoticeLetterId;

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
        RequestStatus from = require(RequestAction.CHECK, REVIEWABLE);
        checks.add(new RequestCheck(this, kind, outcome, on, by, note, now));
        if (status == RequestStatus.REQUESTED || status == RequestStatus.REENABLED) {
            moveTo(RequestStatus.UNDER_REVIEW, on);
        }
        return from;
    }

    /** Records the contact with a worker who has another active policy in progress, and their choice. */
    public RequestStatus recordActivePolicyContact(LocalDate on, ActivePolicyChoice choice, String note) {
        RequestStatus from = require(RequestAction.ACTIVE_POLICY_CONTACT, REVIEWABLE);
        if (latestOutcome(CheckKind.OTHER_ACTIVE_POLICY).orElse(null) != CheckOutcome.FAILED) {
            throw new RequestRefusedException("request.refused.noOtherPolicy");
        }
        this.activePolicyContactDate = on;
        this.activePolicyChoice = choice;
        this.activePolicyContactNote = note;
        return from;
    }

    /**
     * Sends the notice of rejection (art. 10-bis L. 241/1990): the worker has {@code windowDays}
     * to send observations, and the decision deadline is suspended meanwhile.
     */
    public RequestStatus sendRejectionNotice(String reasons, LocalDate on, int windowDays, LocalDate decisionDeadline) {
        RequestStatus from = require(RequestAction.REJECTION_NOTICE, NOTICEABLE);
        if (latest().values().stream().noneMatch(c -> c.getOutcome() == CheckOutcome.FAILED)) {
            throw new RequestRefusedException("request.refused.noFailedCheck");
        }
        requireActivePolicyContact();
        this.rejectionNoticeDate = on;
        this.rejectionNoticeReasons = reasons;
        this.observationDeadline = on.plusDays(windowDays);
        this.daysLeftAtRejectionNotice = (int) Math.max(0, ChronoUnit.DAYS.between(on, decisionDeadline));
        moveTo(RequestStatus.NOTICE_OF_REJECTION, on);
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
        if (receivedOn.isBefore(rejectionNoticeDate)) {
            throw new RequestRefusedException("request.refused.observationBeforeNotice", Dates.format(rejectionNoticeDate));
        }
        observations.add(new RequestObservation(this, receivedOn, text, by, now, documentIds));
        return from;
    }

    /** Releases the voucher: every check must have passed (a check recorded again after observations counts). */
    public RequestStatus release(LocalDate on, String by, String note) {
        RequestStatus from = require(RequestAction.RELEASE, RELEASABLE);
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
     * Rejects the request for ever. Only after a notice, once its observation window has closed or
     * observations have arrived; the reasons must answer the observations received.
     */
    public RequestStatus reject(LocalDate on, String by, String reasons, String observationsAnswer) {
        RequestStatus from = require(RequestAction.REJECT, EnumSet.of(RequestStatus.NOTICE_OF_REJECTION));
        if (observations.isEmpty() && !on.isAfter(observationDeadline)) {
            throw new ObservationWindowOpenException(Dates.format(observationDeadline));
        }
        if (!observations.isEmpty() && (observationsAnswer == null || observationsAnswer.isBlank())) {
            throw new ObservationsUnansweredException();
        }
        requireActivePolicyContact();
        decide(on, by, reasons, observations.isEmpty() ? null : observationsAnswer);
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
     * The day the decision is due: the request date plus the days allowed; a notice suspends the
     * count until its observation window closes, and the days left at the notice run from there.
     */
    public LocalDate deadline(int decisionDays) {
        return deadline(requestDate, decisionDays, observationDeadline, daysLeftAtRejectionNotice);
    }

    /** The same rule as {@link #deadline(int)}, for list views that read the columns directly. */
    public static LocalDate deadline(LocalDate requestDate, int decisionDays, LocalDate observationDeadline,
            Integer daysLeftAtRejectionNotice) {
        if (observationDeadline != null && daysLeftAtRejectionNotice != null) {
            return observationDeadline.plusDays(daysLeftAtRejectionNotice);
        }
        return requestDate.plusDays(decisionDays);
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

    public LocalDate getObservationDeadline() {
        return observationDeadline;
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
