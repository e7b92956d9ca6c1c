package it.ricolloca.reporting.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table of the monitoring as the page, the exports and the API show it: named columns, one
 * line per CPI (or per snapshot date, or per source) and a total line. Values are counts, median
 * days or shares (fractions); a missing value is null (no case to measure).
 */
public record ReportTable(String id, String titleKey, String captionKey, String rowHeaderKey, List<Column> columns,
        List<Line> lines, Line total) {

    /** What a value means, for its display. */
    public enum Kind {
        COUNT, DAYS, SHARE
    }

    /** A column: its stable key (for the API), its Italian label's message key, and its kind. */
    public record Column(String key, String labelKey, Kind kind) {
    }

    /** A line: its label and its values, in the columns' order. */
    public record Line(String label, List<BigDecimal> values) {
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
