package it.ricolloca.requests.web;

/**
 * The acts on a request that take reasons: how each appears in a URL and a form, whether its
 * reasons are required, whether it asks to answer the observations, and whether it is
 * irreversible and so needs an explicit confirmation.
 */
public enum DecisionAct {
    REJECTION_NOTICE("rejection-notice", true, false, false, false),
    RELEASE("release", false, false, true, true),
    REJECT("reject", true, true, true, true),
    BLOCK("block", true, false, false, true),
    REENABLE("reenable", true, false, false, true),
    WITHDRAW("withdraw", true, false, true, false);

    private final String path;
    private final boolean reasonsRequired;
    private final boolean answersObservations;
    private final boolean irreversible;
    private final boolean decision;

    DecisionAct(String path, boolean reasonsRequired, boolean answersObservations, boolean irreversible,
            boolean decision) {
        this.path = path;
        this.reasonsRequired = reasonsRequired;
        this.answersObservations = answersObservations;
        this.irreversible = irreversible;
        this.decision = decision;
    }

    public static DecisionAct fromPath(String path) {
        for (DecisionAct a : values()) {
            if (a.path.equals(path)) {
                return a;
            }
        }
        return null;
    }

    public String path() {
        return path;
    }

    public boolean reasonsRequired() {
        return reasonsRequired;
    }

    public boolean answersObservations() {
        return answersObservations;
    }

    public boolean irreversible() {
        return irreversible;
    }

    /**
     * Whether the form asks to tick a confirmation: every irreversible act but the release, whose form is
     * itself the one confirmation (it shows the provider and what follows, and is offered only once every
     * check has passed).
     */
    public boolean asksCheckbox() {
        return irreversible && this != RELEASE;
    }

    /** Reserved to the master user or an operator delegated to release. */
    public boolean decision() {
        return decision;
    }

    public String key() {
        return "request.act." + name();
    }
}
