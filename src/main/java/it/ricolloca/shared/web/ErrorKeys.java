package it.ricolloca.shared.web;

/**
 * Request attributes by which a filter that answers with an error names the message of its error page,
 * instead of the status's general one.
 */
public final class ErrorKeys {

    public static final String TITLE = "it.ricolloca.error.title";
    public static final String TEXT = "it.ricolloca.error.text";
    /** The argument of the text's message, when it has one (a limit in megabytes, say). */
    public static final String TEXT_ARG = "it.ricolloca.error.textArg";

    private ErrorKeys() {
    }
}
