package it.ricolloca.documents;

import it.ricolloca.shared.DomainException;

/** An uploaded file that the dossier refuses: empty, too large, not what it claims, or unsafe. */
public class RejectedUploadException extends DomainException {

    public RejectedUploadException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
