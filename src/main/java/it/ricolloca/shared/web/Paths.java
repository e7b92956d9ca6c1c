package it.ricolloca.shared.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/** A route constant with its placeholders filled in order: {@code Paths.of(REQUEST_CHECKS, 12)} is {@code /requests/12/checks}. */
public final class Paths {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}/]+}");

    private Paths() {
    }

    public static String of(String route, Object... values) {
        Matcher m = PLACEHOLDER.matcher(route);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= values.length) {
                throw new IllegalArgumentException("missing value for " + m.group() + " in " + route);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(UriUtils.encodePathSegment(String.valueOf(values[i++]), "UTF-8")));
        }
        if (i != values.length) {
            throw new IllegalArgumentException("too many values for " + route);
        }
        m.appendTail(out);
        return out.toString();
    }
}
