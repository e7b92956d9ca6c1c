package it.ricolloca.requests;

/**
 * A request was released: its provider may take the worker in charge. Ids only; the provider office is
 * null when the worker chose a private agency. Published by the requests' service after the change.
 */
public record VoucherRequestReleased(long requestId, long workerId, Long providerOfficeId) {
}
