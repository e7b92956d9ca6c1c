package it.ricolloca.requests;

import java.time.LocalDate;

/**
 * The worker chose another provider for the request (ids only): the previous and the new CPI office
 * (null for a private agency), the request's status at the change and the day of the change. Published by
 * the requests' service after the change, besides {@link VoucherRequestChanged}; the pathway moves on it.
 */
public record VoucherRequestProviderChanged(long requestId, long workerId, long competentCentreId,
        Long previousProviderOfficeId, Long providerOfficeId, RequestStatus status, LocalDate changedOn) {
}
