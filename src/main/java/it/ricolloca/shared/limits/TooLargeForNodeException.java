package it.ricolloca.shared.limits;

import it.ricolloca.shared.DomainException;

/** The work needs more memory than the node lends to any work at all: retrying will not help, splitting will. */
public class TooLargeForNodeException extends DomainException {

    public TooLargeForNodeException(long capacityBytes) {
        super("limits.tooLarge", capacityBytes / (1024 * 1024));
    }
}
