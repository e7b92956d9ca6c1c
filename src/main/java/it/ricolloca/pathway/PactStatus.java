package it.ricolloca.pathway;

/** A pact version is drafted, then signed; signing an amendment supersedes the version before. */
public enum PactStatus {
    DRAFT,
    SIGNED,
    SUPERSEDED;

    public String labelKey() {
        return "pathway.pact.status." + name();
    }
}
