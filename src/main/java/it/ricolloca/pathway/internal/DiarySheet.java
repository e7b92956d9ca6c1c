package it.ricolloca.pathway.internal;

import it.ricolloca.pathway.DiaryEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * What the printable activation diary holds: the parties, the entries recorded so far in parts A
 * and B, then blank rows tall enough to write in by hand.
 */
public record DiarySheet(PactSheet sheet, List<Row> preparatory, List<Row> activeSearch) {

    /** One recorded entry as printed: the action's label key and the worker's words. */
    public record Row(String actionKey, LocalDate on, String how, String company, String profile, String outcome) {

        static List<Row> of(List<DiaryEntry> entries) {
            return entries.stream().map(e -> new Row(e.getAction().labelKey(), e.getOnDate(), text(e.getHow()),
                    text(e.getCompany()), text(e.getProfile()), text(e.getOutcome()))).toList();
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }
    }

    /** The height of every row of the diary's tables, in millimetres: room for a handwritten line. */
    public static final int ROW_HEIGHT_MM = 10;

    /** Blank rows after the recorded entries of part A (preparatory activities). */
    public static final int BLANK_ROWS_A = 5;

    /** Blank rows after the recorded entries of part B (active search), the part the worker fills most. */
    public static final int BLANK_ROWS_B = 12;

    /** The CSS height of a row, for the template. */
    public String rowHeight() {
        return ROW_HEIGHT_MM + "mm";
    }
}
