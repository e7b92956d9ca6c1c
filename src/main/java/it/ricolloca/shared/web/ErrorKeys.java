package it.ricolloca.shared.web;

/**
 * Request attributes by which a filter that answers with an error names the message of its error page,
 * instead of the status's general one.
 */
public final class ErrorKeys {

    public static final String TITLE = "it.ricolloca.error.title";
    public static final String TEXT = "it.ricolloca.error.text";

    private ErrorKeys() {
    }
}
