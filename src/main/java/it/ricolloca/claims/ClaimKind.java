package it.ricolloca.claims;

/** What a claim asks for: the success fee of a hire, or the Fee4Service for the hours of a pathway ended without a job. */
public enum ClaimKind {
    SUCCESS,
    FEE_FOR_SERVICE;

    public String labelKey() {
        return "claim.kind." + name();
    }
}
