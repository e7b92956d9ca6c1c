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
