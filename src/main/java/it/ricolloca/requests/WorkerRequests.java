package it.ricolloca.requests;

import it.ricolloca.documents.Upload;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.requests.internal.VoucherRequestRepository;
import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A worker's own requests, for the worker's pages (ADR 0040): asked with the worker's id, never with a user's
 * rights; what is not the worker's does not exist here.
 */
@Service
@Transactional(readOnly = true)
public class WorkerRequests {

    /** What the worker reads of an observation. */
    public record SentObservation(LocalDate receivedOn, String text, int attachments) {
    }

    /**
     * The worker's request as they read it: status and dates, competent CPI, provider, the notice of rejection
     * (reasons, letter, window) and the decision (reasons, letter). {@code observationsOpen}: the form is offered;
     * {@code windowClosedOn}: the last day of a window that has closed (null otherwise).
     */
    public record OwnRequest(long id, long version, RequestStatus status, LocalDate requestDate, LocalDate statusDate,
            long competentCentreId, Provider provider, LocalDate noticeDate, String noticeReasons,
            Long noticeLetterId, LocalDate observationDeadline, boolean observationsOpen, LocalDate windowClosedOn,
            LocalDate decisionDate, String decisionReasons, Long decisionLetterId, List<SentObservation> observations) {
    }

    private final VoucherRequestRepository requests;
    private final RequestWorkflow workflow;

    WorkerRequests(VoucherRequestRepository requests, RequestWorkflow workflow) {
        this.requests = requests;
        this.workflow = workflow;
    }

    /** The worker's latest request (the one their pages show), if any. */
    public Optional<OwnRequest> latest(long workerId) {
        return requests.findByWorker(workerId).stream().max(Comparator.comparing(VoucherRequest::getRequestDate)
                .thenComparing(VoucherRequest::getId)).map(WorkerRequests::view);
    }

    /** Whether the document is a letter of one of the worker's requests (for their download). */
    public boolean isLetterOf(long workerId, long documentId) {
        return requests.findByWorker(workerId).stream().anyMatch(r -> Long.valueOf(documentId)
                .equals(r.getRejectionNoticeLetterId()) || Long.valueOf(documentId).equals(r.getRejectionDecisionLetterId()));
    }

    /**
     * Sends the worker's observations with their attachments, on their own request inside the window: they reach
     * the competent CPI as the observations the CPI records (ADR 0040). Refusals are Italian
     * {@link RequestRefusedException}s; another's request is not found.
     */
    @Transactional
    public void sendObservation(long workerId, long requestId, long version, String text, List<Upload> attachments,
            String actor) {
        workflow.recordObservationByWorker(workerId, requestId, version, text, attachments, actor);
    }

    private static OwnRequest view(VoucherRequest r) {
        LocalDate today = Dates.today();
        boolean notice = r.getStatus() == RequestStatus.NOTICE_OF_REJECTION;
        LocalDate deadline = r.getObservationDeadline();
        boolean closed = notice && deadline != null && today.isAfter(deadline);
        List<SentObservation> sent = r.getObservations().stream()
                .sorted(Comparator.comparing(RequestObservation::getReceivedOn))
                .map(o -> new SentObservation(o.getReceivedOn(), o.getText(), o.getDocumentIds().size())).toList();
        return new OwnRequest(r.getId(), r.getVersion(), r.getStatus(), r.getRequestDate(), r.getStatusDate(),
                r.getCompetentCentreId(), r.getProvider(), r.getRejectionNoticeDate(), r.getRejectionNoticeReasons(),
                r.getRejectionNoticeLetterId(), deadline, notice && !closed, closed ? deadline : null,
                r.getDecisionDate(), r.getDecisionReasons(), r.getRejectionDecisionLetterId(), sent);
    }
}
