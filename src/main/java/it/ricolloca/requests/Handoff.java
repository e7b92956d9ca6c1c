package it.ricolloca.requests;

import java.time.LocalDate;

/**
 * Where a request stands for its provider: {@code providerOfficeId} and {@code releasedOn} are set only
 * while the request is released with a CPI office as provider, null otherwise (not yet released, blocked,
 * withdrawn, or a private agency chosen).
 */
public record Handoff(long requestId, long workerId, long competentCentreId, Long providerOfficeId,
        LocalDate releasedOn) {

    /** Released to a CPI office: that office's queue holds it until the worker's pathway starts. */
    public boolean atOffice() {
        return providerOfficeId != null;
    }
}
