package it.ricolloca.shared;

import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A text a person reads later (an audit entry's details, a note in a request's history), stored as
 * a bundle key with its arguments rather than as Italian words, so that it is rendered from the
 * bundle like every other text. An argument may itself be a key ({@link #label}), rendered in turn:
 * an enum's label, for instance. Stored text that is not a detail (older entries) is shown as is.
 */
public record Detail(String key, List<String> args) {

    private static final char START = '\u001E';
    private static final char SEPARATOR = '\u001F';
    private static final char LABEL = '\u001D';

    public Detail {
        args = List.copyOf(args);
    }

    /** A detail; arguments are kept as text (dates as gg/mm/aaaa), labels made with {@link #label} are translated when shown. */
    public static Detail of(String key, Object... args) {
        List<String> texts = new ArrayList<>();
        for (Object a : args) {
            texts.add(a == null ? "" : a instanceof LocalDate d ? Dates.format(d) : clean(a.toString()));
        }
        return new Detail(key, texts);
    }

    /** An argument that is itself a bundle key: shown translated. */
    public static String label(String key) {
        return LABEL + key;
    }

    /** Whether an argument is a bundle key, and which. */
    public static Optional<String> labelKey(String arg) {
        return arg != null && !arg.isEmpty() && arg.charAt(0) == LABEL ? Optional.of(arg.substring(1)) : Optional.empty();
    }

    /** The form stored in a text column. */
    public String encoded() {
        StringBuilder s = new StringBuilder().append(START).append(key);
        for (String a : args) {
            s.append(SEPARATOR).append(a);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return encoded();
    }

    /** The detail a stored text holds, or empty when it is plain text. */
    public static Optional<Detail> decode(String stored) {
        if (stored == null || stored.length() < 2 || stored.charAt(0) != START) {
            return Optional.empty();
        }
        String[] parts = stored.substring(1).split(String.valueOf(SEPARATOR), -1);
        return Optional.of(new Detail(parts[0], Arrays.asList(parts).subList(1, parts.length)));
    }

    /** An argument without the characters the stored form uses, except the mark of a label made by {@link #label}. */
    private static String clean(String text) {
        boolean label = !text.isEmpty() && text.charAt(0) == LABEL;
        String rest = (label ? text.substring(1) : text).replace(START, ' ').replace(SEPARATOR, ' ').replace(LABEL, ' ');
        return label ? LABEL + rest : rest;
    }
}
