package it.ricolloca.claims;

import it.ricolloca.parameters.Parameter;

/**
 * The success fee's bands (DOMAIN.md section 6), each a minimum and a maximum amount read from
 * the parameters in force on the claim's date; the 3–6 month band only where the region allows it.
 */
public enum TariffBand {
    PERMANENT(Parameter.SUCCESS_PERMANENT_MIN_EUR, Parameter.SUCCESS_PERMANENT_MAX_EUR),
    FIXED_6_MONTHS(Parameter.SUCCESS_FIXED_6_MONTHS_MIN_EUR, Parameter.SUCCESS_FIXED_6_MONTHS_MAX_EUR),
    FIXED_3_MONTHS(Parameter.SUCCESS_FIXED_3_MONTHS_MIN_EUR, Parameter.SUCCESS_FIXED_3_MONTHS_MAX_EUR);

    private final Parameter minimum;
    private final Parameter maximum;

    TariffBand(Parameter minimum, Parameter maximum) {
        this.minimum = minimum;
        this.maximum = maximum;
    }

    public Parameter minimum() {
        return minimum;
    }

    public Parameter maximum() {
        return maximum;
    }

    public String labelKey() {
        return "claim.band." + name();
    }
}
