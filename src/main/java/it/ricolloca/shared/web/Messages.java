package it.ricolloca.shared.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/** Italian text for templates and controllers, always from the message bundles. */
@Component
public class Messages {

    public static final Locale ITALIAN = Locale.ITALY;

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String t(String key, Object... args) {
        return source.getMessage(key, args, ITALIAN);
    }

    public String tOr(String key, String fallback) {
        return source.getMessage(key, null, fallback, ITALIAN);
    }

    public String t(MessageSourceResolvable resolvable) {
        return source.getMessage(resolvable, ITALIAN);
    }
}
