package it.ricolloca.shared.tabular;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** What the imports share besides reading files ({@link TabularReader}): the CSV separator and the dates they hold. */
public final class TabularFiles {

    private TabularFiles() {
    }

    /** {@code ;} or {@code ,}: whichever the first line holds more of outside quotes. */
    static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : first.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons >= commas ? ';' : ',';
    }

    /** Parses the dates found in such files: dd/MM/yyyy, d/M/yyyy, yyyy-MM-dd, dd-MM-yyyy, dd.MM.yyyy. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        DateTimeFormatter formatter = s.indexOf('/') > 0 ? SLASHED : s.indexOf('.') > 0 ? DOTTED
                : s.length() > 4 && s.charAt(4) == '-' ? ISO : DASHED;
        try {
            return LocalDate.parse(s, formatter);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("data non valida: " + s, e);
        }
    }

    private static final DateTimeFormatter SLASHED = strict("d/M/uuuu");
    private static final DateTimeFormatter DOTTED = strict("d.M.uuuu");
    private static final DateTimeFormatter ISO = strict("uuuu-M-d");
    private static final DateTimeFormatter DASHED = strict("d-M-uuuu");

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
