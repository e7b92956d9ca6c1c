package it.ricolloca.conditionality;

import it.ricolloca.shared.DomainException;

/** A report or a decision the rules do not allow; the key names the Italian message. */
public class ConditionalityRefusedException extends DomainException {

    public ConditionalityRefusedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
