package it.ricolloca.workers;

/**
 * What the register holds of a worker for matching changed (identity, residence, competent CPI, skills or work
 * history): published in the transaction of the change, so that a module keeping a copy of the worker's
 * {@link WorkerProfile} drops it before anyone reads it again (ADR 0038).
 */
public record WorkerProfileChanged(long workerId) {
}
