package it.ricolloca.requests;

import it.ricolloca.shared.DomainException;

/**
 * A transition of a voucher request that its current state, its checks or the rules in force do
 * not allow. The message key names the reason; the page and the API show the Italian text.
 */
public class RequestRefusedException extends DomainException {

    public RequestRefusedException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    /** Any change to a rejected or withdrawn request. */
    public static class FinalException extends RequestRefusedException {
        public FinalException(RequestStatus status) {
            super("request.refused.final", status);
        }
    }

    /** A transition not allowed from the current status. */
    public static class IllegalTransitionException extends RequestRefusedException {
        public IllegalTransitionException(RequestAction action, RequestStatus from) {
            super("request.refused.transition", action, from);
        }
    }

    /** A release before every check has passed. */
    public static class ChecksIncompleteException extends RequestRefusedException {
        public ChecksIncompleteException() {
            super("request.refused.checksIncomplete");
        }
    }

    /** A notice or a rejection before the worker with another active policy was contacted. */
    public static class ActivePolicyContactMissingException extends RequestRefusedException {
        public ActivePolicyContactMissingException() {
            super("request.refused.policyContactMissing");
        }
    }

    /** A rejection while the observation window is still open and no observation arrived. */
    public static class ObservationWindowOpenException extends RequestRefusedException {
        public ObservationWindowOpenException(String until) {
            super("request.refused.windowOpen", until);
        }
    }

    /** A date out of order: before the request, the notice or its receipt, after the observations, or in the future. */
    public static class DateOrderException extends RequestRefusedException {
        public DateOrderException(String messageKey, Object... args) {
            super(messageKey, args);
        }
    }

    /** A decision on a notice the list brought without its date: the notice's date must be recorded first. */
    public static class NoticeDateMissingException extends RequestRefusedException {
        public NoticeDateMissingException() {
            super("request.refused.noticeDateMissing");
        }
    }

    /** A rejection after a notice sent here whose receipt is not recorded and with no observations. */
    public static class NoticeReceiptMissingException extends RequestRefusedException {
        public NoticeReceiptMissingException() {
            super("request.refused.receiptMissing");
        }
    }

    /** A rejection that does not answer the observations received. */
    public static class ObservationsUnansweredException extends RequestRefusedException {
        public ObservationsUnansweredException() {
            super("request.refused.observationsUnanswered");
        }
    }

    /** A provider change beyond the number allowed. */
    public static class ProviderChangeLimitException extends RequestRefusedException {
        public ProviderChangeLimitException(int allowed) {
            super("request.refused.providerChanges", allowed);
        }
    }

    /** A second open request for the same worker, or a worker outside the invited sample. */
    public static class FilingRefusedException extends RequestRefusedException {
        public FilingRefusedException(String messageKey, Object... args) {
            super(messageKey, args);
        }
    }

    /** The form was read before someone else changed the request. */
    public static class StaleException extends RequestRefusedException {
        public StaleException() {
            super("request.refused.stale");
        }
    }
}
