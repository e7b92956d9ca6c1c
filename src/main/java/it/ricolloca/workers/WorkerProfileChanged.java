package it.ricolloca.workers;

/**
 * A worker entered the register, or what the register holds of them for matching changed (identity, residence,
 * competent CPI, skills or work history): published in the transaction of the change, so that a module keeping a
 * copy of the worker's {@link WorkerProfile} writes it again in that same transaction (ADR 0038). The bulk creation
 * of stubs by an import ({@link Workers#createMissingFrom}) does not publish it: a stub has nothing to match.
 */
public record WorkerProfileChanged(long workerId) {
}
