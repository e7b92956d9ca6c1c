package it.ricolloca.pathway;

/** The catalogue of actions a search pact can agree. */
public enum PactActionKind {
    GUIDANCE,
    CV,
    JOB_SEARCH,
    TRAINING,
    REFERRAL,
    INTERVIEW_PREPARATION,
    AGENCY_REGISTRATION,
    OTHER;

    public String labelKey() {
        return "pathway.action." + name();
    }
}
