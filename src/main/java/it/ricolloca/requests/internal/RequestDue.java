package it.ricolloca.requests.internal;

/**
 * The kinds of requests due at the competent CPI, as the home page counts them and the list of
 * requests filters them ({@code /requests?due=...}): the same SQL predicate serves both, so the
 * count and the list cannot disagree. {@code {deadline}} stands for the request's decision deadline
 * as {@link RequestQueries} computes it, {@code :today} for today.
 */
public enum RequestDue {

    /** Requested, under review or re-enabled: the checks and the decision are the CPI's to make. */
    TO_DECIDE("r.status in ('REQUESTED', 'UNDER_REVIEW', 'REENABLED')"),
    /** A notice of rejection whose observation window has closed with no observation: the decision is due. */
    NOTICE_CLOSED("r.status = 'NOTICE_OF_REJECTION' and r.observation_deadline < :today"
            + " and not exists (select 1 from requests_observation o where o.request_id = r.id)"),
    /** A notice of rejection the worker answered: the observations wait for the CPI's answer and decision. */
    OBSERVATIONS("r.status = 'NOTICE_OF_REJECTION'"
            + " and exists (select 1 from requests_observation o where o.request_id = r.id)"),
    /** Undecided past its decision deadline (the region's measure of a CPI behind). */
    OVERDUE("r.status in ('REQUESTED', 'UNDER_REVIEW', 'NOTICE_OF_REJECTION', 'REENABLED') and {deadline} < :today");

    private final String predicate;

    RequestDue(String predicate) {
        this.predicate = predicate;
    }

    /** The predicate on {@code r} with the deadline expression put in place. */
    public String predicate(String deadline) {
        return "(" + predicate.replace("{deadline}", "(" + deadline + ")") + ")";
    }

    public String labelKey() {
        return "requests.due." + name();
    }
}
