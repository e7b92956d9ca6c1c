package it.ricolloca.conditionality;

/** Reported and waiting for the competent CPI; justified (does not count); sanctioned. */
public enum BreachStatus {
    REPORTED,
    JUSTIFIED,
    SANCTIONED;

    public String labelKey() {
        return "conditionality.status." + name();
    }
}
