package it.ricolloca.claims;

import it.ricolloca.shared.DomainException;

/** A claim act the rules do not allow, with the Italian message key that says why. */
public class ClaimRefusedException extends DomainException {

    public ClaimRefusedException(String key, Object... args) {
        super(key, args);
    }
}
