package it.ricolloca.pathway;

/** The contract of a job found during the pathway: probation and fixed term suspend the service; any closes it as hired. */
public enum ContractType {
    PERMANENT,
    FIXED_TERM,
    APPRENTICESHIP,
    AGENCY,
    PROBATION;

    /** A job that suspends the service rather than ending it. */
    public boolean suspends() {
        return this == FIXED_TERM || this == PROBATION;
    }

    public String labelKey() {
        return "pathway.contract." + name();
    }
}
