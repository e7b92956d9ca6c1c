package it.ricolloca.requests;

/** What can be done to a request: each is a named transition of {@link VoucherRequest} and a line of its history. */
public enum RequestAction {
    FILE,
    CHECK,
    ACTIVE_POLICY_CONTACT,
    REJECTION_NOTICE,
    NOTICE_DATE,
    NOTICE_RECEIPT,
    OBSERVATION,
    RELEASE,
    SILENCE_RELEASE,
    REJECT,
    BLOCK,
    REENABLE,
    WITHDRAW,
    CHANGE_PROVIDER,
    IMPORT;

    public String labelKey() {
        return "request.action." + name();
    }
}
