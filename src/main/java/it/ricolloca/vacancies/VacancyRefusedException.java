package it.ricolloca.vacancies;

import it.ricolloca.shared.DomainException;

/** An act on the board that its rules refuse, with the Italian reason's message key. */
public class VacancyRefusedException extends DomainException {

    public VacancyRefusedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
