package it.ricolloca.accounts;

/** A function a CPI master user may delegate to an operator of the same CPI. */
public enum DelegatedFunction {
    INTERMEDIATED_REQUEST,
    RELEASE,
    AGENDA,
    VACANCIES,
    CONDITIONALITY;

    public String labelKey() {
        return "delegation.function." + name();
    }
}
