package it.ricolloca.conditionality;

/** What the competent CPI applies to the benefit (art. 21 c. 7 D.Lgs. 150/2015). */
public enum Sanction {
    CUT_QUARTER_MONTH,
    CUT_ONE_MONTH,
    LOSS_OF_BENEFIT;

    public String labelKey() {
        return "conditionality.sanction." + name();
    }
}
