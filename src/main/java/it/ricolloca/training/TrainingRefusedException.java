package it.ricolloca.training;

import it.ricolloca.shared.DomainException;

/** A training act the rules do not allow, with the Italian message key that says why. */
public class TrainingRefusedException extends DomainException {

    public TrainingRefusedException(String key, Object... args) {
        super(key, args);
    }
}
