package it.ricolloca.requests;

import java.time.LocalDate;

/** A released request whose chosen provider is a CPI office: what the provider needs to take the worker in charge. */
public record ReleasedRequest(long requestId, long workerId, String taxCode, String workerName, String email,
        long providerOfficeId, LocalDate releasedOn, long competentCentreId) {
}
