package it.ricolloca.shared.acts;

import it.ricolloca.shared.DomainException;

/** A form read at a version the record no longer has: someone else changed it meanwhile; nothing is saved. */
public class StaleFormException extends DomainException {

    public StaleFormException() {
        super("form.stale");
    }
}
