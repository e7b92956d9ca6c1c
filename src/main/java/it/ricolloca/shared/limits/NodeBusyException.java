package it.ricolloca.shared.limits;

import it.ricolloca.shared.DomainException;

/** The node is busy with other large work (imports, documents): the same request may succeed in a few minutes. */
public class NodeBusyException extends DomainException {

    public NodeBusyException() {
        super("limits.busy");
    }
}
