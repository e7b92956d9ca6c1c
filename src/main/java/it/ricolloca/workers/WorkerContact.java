package it.ricolloca.workers;

/** A worker as another module's list shows one: identity and e-mail address (null when unknown). */
public record WorkerContact(WorkerSummary summary, String email) {
}
