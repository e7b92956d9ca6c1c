package it.ricolloca.shared.tabular;

/** Text written to a spreadsheet or CSV: a cell that a spreadsheet would run as a formula is neutralised. */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    /** Undoes {@link #neutralise}: the apostrophe added before a would-be formula goes away on reading back. */
    public static String restore(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }

    /** One CSV field, separator {@code ;}, quoted when needed, neutralised. */
    public static String csvField(String text) {
        String s = neutralise(text);
        if (s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
