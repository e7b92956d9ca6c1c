package it.ricolloca.pathway;

import it.ricolloca.shared.DomainException;

/** An act on a pathway its state or the rules in force do not allow; the key names the Italian message. */
public class PathwayRefusedException extends DomainException {

    public PathwayRefusedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
