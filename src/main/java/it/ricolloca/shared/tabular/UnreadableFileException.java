package it.ricolloca.shared.tabular;

import it.ricolloca.shared.DomainException;

/** A file that cannot be read as a table at all: empty, not a spreadsheet, wrong headers. */
public class UnreadableFileException extends DomainException {

    public UnreadableFileException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
