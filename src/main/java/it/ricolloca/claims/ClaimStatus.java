package it.ricolloca.claims;

/** Where a claim stands: prepared at closing, reviewed by the CPI, submitted to the national agency, then paid or refused. */
public enum ClaimStatus {
    PREPARED,
    REVIEWED,
    SUBMITTED,
    PAID,
    REFUSED;

    public boolean isFinal() {
        return this == PAID || this == REFUSED;
    }

    public String labelKey() {
        return "claim.status." + name();
    }
}
