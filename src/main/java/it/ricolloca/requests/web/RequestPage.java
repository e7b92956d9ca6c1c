package it.ricolloca.requests.web;

import it.ricolloca.documents.DossierDocument;
import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.RequestCheck;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.requests.internal.RequestQueries.EventRow;
import it.ricolloca.requests.internal.RequestQueries.RequestView;
import it.ricolloca.requests.internal.RequestQueries.SnapshotStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Everything the page of one request shows, and what the user may do on it. */
public record RequestPage(RequestView view, VoucherRequest request, List<EventRow> events, List<SnapshotStatus> history,
        Map<Long, DossierDocument> documents, List<RequestView> related, boolean canInstruct, boolean canDecide,
        int providerChangesAllowed, LocalDate today) {

    /** Days left to send observations (0 on the last day), or negative once the window has closed. */
    public long observationDaysLeft() {
        return request.getObservationDeadline() == null ? -1
                : ChronoUnit.DAYS.between(today, request.getObservationDeadline());
    }

    public boolean open() {
        return !request.getStatus().isFinal();
    }

    public boolean canChangeProvider() {
        return canInstruct && open() && request.getProviderChanges() < providerChangesAllowed;
    }

    private boolean in(RequestStatus... statuses) {
        return Arrays.asList(statuses).contains(request.getStatus());
    }

    public boolean canCheck() {
        return canInstruct && in(RequestStatus.REQUESTED, RequestStatus.UNDER_REVIEW, RequestStatus.NOTICE_OF_REJECTION,
                RequestStatus.REENABLED);
    }

    public boolean canRecordActivePolicyContact() {
        return canCheck() && request.latestOutcome(CheckKind.OTHER_ACTIVE_POLICY).orElse(null) == CheckOutcome.FAILED;
    }

    public boolean canSendRejectionNotice() {
        return canInstruct && in(RequestStatus.UNDER_REVIEW, RequestStatus.REENABLED);
    }

    public boolean canObserve() {
        return canInstruct && in(RequestStatus.NOTICE_OF_REJECTION) && !request.needsNoticeDate();
    }

    public boolean canRelease() {
        return canDecide && in(RequestStatus.UNDER_REVIEW, RequestStatus.NOTICE_OF_REJECTION, RequestStatus.REENABLED)
                && !request.needsNoticeDate();
    }

    public boolean canReject() {
        return canDecide && in(RequestStatus.NOTICE_OF_REJECTION) && !request.needsNoticeDate();
    }

    /** A notice the list brought: its date is asked for (or corrected) here. */
    public boolean canRecordNoticeDate() {
        return canInstruct && in(RequestStatus.NOTICE_OF_REJECTION) && request.isRejectionNoticeFromList();
    }

    public boolean canRecordNoticeReceipt() {
        return canInstruct && in(RequestStatus.NOTICE_OF_REJECTION) && request.getRejectionNoticeDate() != null;
    }

    public boolean canBlock() {
        return canDecide && in(RequestStatus.REQUESTED, RequestStatus.UNDER_REVIEW, RequestStatus.NOTICE_OF_REJECTION,
                RequestStatus.RELEASED, RequestStatus.REENABLED);
    }

    public boolean canReenable() {
        return canDecide && in(RequestStatus.BLOCKED);
    }

    public boolean canWithdraw() {
        return canInstruct && open();
    }

    public boolean anyAction() {
        return canCheck() || canSendRejectionNotice() || canRecordNoticeDate() || canRecordNoticeReceipt() || canObserve() || canRelease() || canReject() || canBlock() || canReenable()
                || canWithdraw() || canChangeProvider();
    }

    // ---- the decision: what the checks' outcome calls for ----

    /** The kinds whose latest check failed. */
    public List<CheckKind> failedChecks() {
        return Arrays.stream(CheckKind.values())
                .filter(k -> request.latestOutcome(k).orElse(null) == CheckOutcome.FAILED).toList();
    }

    /** The kinds not checked yet. */
    public List<CheckKind> missingChecks() {
        return Arrays.stream(CheckKind.values()).filter(k -> request.latestOutcome(k).isEmpty()).toList();
    }

    /** Every check recorded and passed: the release is the act to do. */
    public boolean checksPassed() {
        return missingChecks().isEmpty() && failedChecks().isEmpty();
    }

    /** The release may be done now: the user decides, the status allows it and every check passed. */
    public boolean releaseReady() {
        return canRelease() && checksPassed();
    }

    /** A check failed and the notice of rejection may be sent: the notice is the act to do. */
    public boolean noticeFirst() {
        return canSendRejectionNotice() && !failedChecks().isEmpty() && !request.needsActivePolicyContact();
    }

    /** Why the release is not offered though the user decides (a bundle key), or null. */
    public String releaseBlockedKey() {
        if (!canRelease() || checksPassed()) {
            return null;
        }
        return failedChecks().isEmpty() ? "request.release.blocked.missing" : "request.release.blocked.failed";
    }

    /** The kinds the blocked release waits for: the failed ones, or else the missing ones. */
    public List<CheckKind> releaseBlockedBy() {
        return failedChecks().isEmpty() ? missingChecks() : failedChecks();
    }

    /** The next step of the procedure (a bundle key taking the provider as argument), or null when none is due. */
    public String nextStepKey() {
        RequestStatus status = request.getStatus();
        if (status == RequestStatus.RELEASED) {
            return "request.next.released";
        }
        if (status.isFinal() || status == RequestStatus.BLOCKED) {
            return null;
        }
        if (status == RequestStatus.NOTICE_OF_REJECTION) {
            return request.needsNoticeDate() ? "request.next.noticeDate"
                    : request.getRejectionNoticeReceivedOn() == null ? "request.next.noticeReceipt"
                    : checksPassed() ? "request.next.release" : "request.next.observations";
        }
        if (request.needsActivePolicyContact()) {
            return "request.next.policyContact";
        }
        if (!failedChecks().isEmpty()) {
            return "request.next.notice";
        }
        return checksPassed() ? "request.next.release" : "request.next.checks";
    }

    /** Whether the next step's message names the provider (its argument). */
    public boolean nextStepNamesProvider() {
        String key = nextStepKey();
        return "request.next.release".equals(key) || "request.next.released".equals(key);
    }

    /** The provider the worker chose, as a person reads it (empty when none is recorded). */
    public String providerText() {
        var provider = request.getProvider();
        if (provider == null) {
            return "";
        }
        return provider.office() == null ? provider.name() : provider.name() + " – " + provider.office();
    }

    public boolean isLatest(RequestCheck check) {
        return request.latest().get(check.getKind()) == check;
    }

    public DossierDocument rejectionNoticeLetter() {
        return document(request.getRejectionNoticeLetterId());
    }

    public DossierDocument rejectionDecisionLetter() {
        return document(request.getRejectionDecisionLetterId());
    }

    public DossierDocument document(Long id) {
        return id == null ? null : documents.get(id);
    }
}
