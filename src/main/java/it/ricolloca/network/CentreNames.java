package it.ricolloca.network;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a CPI's name is compared with the names found in imported files: case-, accent-,
 * apostrophe-, punctuation- and space-insensitive, and "Centro per l'impiego di X" equals "CPI X" and "CPI di X".
 */
public final class CentreNames {

    private CentreNames() {
    }

    /** The comparison key of a name, or an empty string for a blank one. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ITALIAN).replaceAll("[^a-z0-9]+", " ").strip();
        if (s.isEmpty()) {
            return "";
        }
        s = s.replaceFirst("^centro per l impiego( di| del| della| dell)? ", "cpi ")
                .replaceFirst("^c p i ", "cpi ")
                .replaceFirst("^centro impiego( di)? ", "cpi ");
        if (!s.startsWith("cpi ")) {
            s = "cpi " + s;
        }
        s = s.replaceFirst("^cpi (di|del|della|dell|d) ", "cpi ");
        return s.replace(" ", "");
    }
}
