package it.ricolloca.documents;

/** What a document of the dossier is; some are generated here, the others are uploaded. */
public enum DocumentKind {
    NOTICE_OF_REJECTION_LETTER(false),
    REJECTION_DECISION_LETTER(false),
    OBSERVATION_ATTACHMENT(false),
    PACT(false),
    PACT_SIGNED(true),
    TIMESHEET(false),
    TIMESHEET_SIGNED(true),
    IDENTITY_DOCUMENT(true),
    CV(true),
    OTHER(true);

    private final boolean uploadable;

    DocumentKind(boolean uploadable) {
        this.uploadable = uploadable;
    }

    /** Offered in the dossier's upload form. */
    public boolean uploadable() {
        return uploadable;
    }

    public String labelKey() {
        return "document.kind." + name();
    }
}
