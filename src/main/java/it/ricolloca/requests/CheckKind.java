package it.ricolloca.requests;

/** The checks the competent CPI makes before releasing a voucher. */
public enum CheckKind {
    EMPLOYMENT,
    NASPI,
    OTHER_ACTIVE_POLICY;

    public String labelKey() {
        return "request.check." + name();
    }
}
