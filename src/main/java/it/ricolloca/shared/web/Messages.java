package it.ricolloca.shared.web;

import it.ricolloca.shared.Detail;
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

    /** A stored {@link Detail} rendered in Italian (its label arguments translated); plain stored text as it is. */
    public String detail(String stored) {
        return Detail.decode(stored).map(d -> t(d.key(), d.args().stream()
                .map(a -> Detail.labelKey(a).map(k -> tOr(k, k)).orElse(a)).toArray())).orElse(stored == null ? "" : stored);
    }

    public String t(MessageSourceResolvable resolvable) {
        return source.getMessage(resolvable, ITALIAN);
    }
}
