package it.ricolloca.shared.web;

import it.ricolloca.shared.Detail;
import java.math.BigDecimal;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
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
        return Detail.decode(stored).map(d -> {
            Object[] args = d.args().stream().map(a -> Detail.labelKey(a).map(k -> tOr(k, k)).orElse(a)).toArray();
            try {
                return t(d.key(), numbers(d.key(), args));
            } catch (IllegalArgumentException e) {
                // a number stored as text that is no number: the detail still reads, argument by argument
                return String.join(", ", d.args());
            }
        }).orElse(stored == null ? "" : stored);
    }

    /**
     * A detail keeps its arguments as text; where its message reads one as a number (a plural by
     * {@code choice}, a {@code number} format), the text is read back as the number it was written as
     * (plain or the Italian way, {@code 1.650,5}).
     */
    private Object[] numbers(String key, Object[] args) {
        String pattern = source.getMessage(key, null, null, ITALIAN);
        if (pattern == null || !pattern.contains(",choice,") && !pattern.contains(",number")) {
            return args;
        }
        Format[] formats;
        try {
            formats = new MessageFormat(pattern, ITALIAN).getFormatsByArgumentIndex();
        } catch (IllegalArgumentException e) {
            return args;
        }
        Object[] read = args.clone();
        for (int i = 0; i < read.length && i < formats.length; i++) {
            if ((formats[i] instanceof ChoiceFormat || formats[i] instanceof NumberFormat)
                    && read[i] instanceof String s) {
                String plain = s.matches("-?\\d+") ? s : s.replace(".", "").replace(',', '.');
                try {
                    read[i] = new BigDecimal(plain);
                } catch (NumberFormatException e) {
                    // not a number after all: shown as written
                }
            }
        }
        return read;
    }

    public String t(MessageSourceResolvable resolvable) {
        return source.getMessage(resolvable, ITALIAN);
    }
}
