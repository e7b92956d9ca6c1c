package it.ricolloca.pathway;

import java.util.List;

/** How a pathway ends: a job, the end of the term without one, the worker's withdrawal, the loss of the benefit, or a move to a private agency. */
public enum PathwayOutcome {
    HIRED,
    NOT_HIRED_AT_TERM,
    WITHDRAWAL,
    LOSS_OF_BENEFIT,
    /** The worker changed provider to a private agency: the pathway at the CPI ends there. */
    TRANSFERRED_TO_PRIVATE;

    /**
     * The outcomes a tutor or an operator records on closing; the others follow a decision made elsewhere
     * (a decadenza by the competent CPI, a change of provider) and are set by the procedure itself.
     */
    public static List<PathwayOutcome> byOperator() {
        return List.of(HIRED, NOT_HIRED_AT_TERM, WITHDRAWAL);
    }

    public String labelKey() {
        return "pathway.outcome." + name();
    }
}
