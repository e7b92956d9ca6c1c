package it.ricolloca.workers;

/** What other modules need of a worker: identity and competent CPI. */
public record WorkerSummary(long id, String taxCode, String firstName, String lastName, Long competentCentreId,
        boolean needsCompletion) {
}
