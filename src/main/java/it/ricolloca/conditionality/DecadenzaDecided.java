package it.ricolloca.conditionality;

import java.time.LocalDate;

/**
 * The competent CPI decided the loss of the benefit and of the unemployment status (*decadenza*)
 * for a worker, on a breach: the worker's open pathway closes with that outcome, dated the decision.
 */
public record DecadenzaDecided(long breachId, long workerId, Long requestId, long competentCentreId,
        LocalDate decidedOn, String decidedBy) {
}
