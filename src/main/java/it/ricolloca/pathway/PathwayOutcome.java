package it.ricolloca.pathway;

/** How a pathway ends: a job, the end of the term without one, the worker's withdrawal, the loss of the benefit, or a move to a private agency. */
public enum PathwayOutcome {
    HIRED,
    NOT_HIRED_AT_TERM,
    WITHDRAWAL,
    LOSS_OF_BENEFIT,
    /** The worker changed provider to a private agency: the pathway at the CPI ends there. */
    TRANSFERRED_TO_PRIVATE;

    public String labelKey() {
        return "pathway.outcome." + name();
    }
}
