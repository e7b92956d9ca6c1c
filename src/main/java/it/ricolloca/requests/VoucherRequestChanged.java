package it.ricolloca.requests;

/**
 * A request moved, or something was recorded on it (ids only). The provider's queue listens for the
 * changes of a released request: a new provider, a block, a withdrawal.
 */
public record VoucherRequestChanged(long requestId, long workerId, long competentCentreId, RequestAction action,
        RequestStatus from, RequestStatus to) {
}
