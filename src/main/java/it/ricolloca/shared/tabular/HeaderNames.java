package it.ricolloca.shared.tabular;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds columns by header name in any order: each column has synonyms, compared case-, accent-,
 * punctuation- and space-insensitively ("Codice Fiscale", "codice_fiscale" and "CF" alike).
 */
public final class HeaderNames<C extends Enum<C>> {

    private final Map<C, List<String>> synonyms;

    public HeaderNames(Map<C, List<String>> synonyms) {
        this.synonyms = synonyms;
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    public static String key(String header) {
        String s = MARKS.matcher(Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Column index of each recognised column; throws when a header repeats one already found. */
    public Map<C, Integer> locate(List<String> headers) {
        Map<C, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String k = key(headers.get(i));
            if (k.isEmpty()) {
                continue;
            }
            for (Map.Entry<C, List<String>> e : synonyms.entrySet()) {
                if (e.getValue().stream().map(HeaderNames::key).anyMatch(k::equals)) {
                    if (found.containsKey(e.getKey())) {
                        throw new UnreadableFileException("import.header.repeated", headers.get(i));
                    }
                    found.put(e.getKey(), i);
                }
            }
        }
        return found;
    }

    public Map<C, List<String>> synonyms() {
        return synonyms;
    }
}
