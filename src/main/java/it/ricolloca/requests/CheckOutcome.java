package it.ricolloca.requests;

/** Whether a check allows the release. */
public enum CheckOutcome {
    PASSED,
    FAILED;

    public String labelKey() {
        return "request.check.outcome." + name();
    }
}
