package it.ricolloca.requests;

/** A request moved, or something was recorded on it: other modules (the provider's queue, reports) may react. */
public record VoucherRequestChanged(long requestId, long workerId, long competentCentreId, RequestAction action,
        RequestStatus from, RequestStatus to) {
}
