package it.ricolloca.pathway;

/** How a pathway ends: a job, the end of the term without one, the worker's withdrawal, or the loss of the benefit. */
public enum PathwayOutcome {
    HIRED,
    NOT_HIRED_AT_TERM,
    WITHDRAWAL,
    LOSS_OF_BENEFIT;

    public String labelKey() {
        return "pathway.outcome." + name();
    }
}
