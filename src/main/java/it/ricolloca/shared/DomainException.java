package it.ricolloca.shared;

/**
 * A refused operation: carries a stable error code and the key of the Italian message shown to
 * the user. Workflow guards throw subclasses of it.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public DomainException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
