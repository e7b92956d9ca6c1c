package it.ricolloca.agenda;

import it.ricolloca.shared.DomainException;

/** A booking, a move, an outcome or a template the agenda's rules refuse; the key names the Italian message. */
public class AgendaRefusedException extends DomainException {

    public AgendaRefusedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
