package it.ricolloca.workers;

/**
 * A worker's personal data passed its retention period: the register has pseudonymised the worker, and each
 * module that keeps something of the worker's case removes the personal part of it (free text, names,
 * documents), keeping what the statistics need (dates, statuses, codes, amounts).
 */
public record WorkerDataExpired(long workerId) {
}
