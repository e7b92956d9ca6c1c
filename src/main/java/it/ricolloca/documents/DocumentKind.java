package it.ricolloca.documents;

/** What a document of the dossier is. */
public enum DocumentKind {
    NOTICE_OF_REJECTION_LETTER,
    OBSERVATION_ATTACHMENT;

    public String labelKey() {
        return "document.kind." + name();
    }
}
