package it.ricolloca.conditionality;

/**
 * Reported and waiting for the competent CPI; justified (does not count); sanctioned; closed without
 * sanction because decadenza was already decided for the worker (recorded, never sanctioned).
 */
public enum BreachStatus {
    REPORTED,
    JUSTIFIED,
    SANCTIONED,
    CLOSED_AFTER_DECADENZA;

    public String labelKey() {
        return "conditionality.status." + name();
    }
}
