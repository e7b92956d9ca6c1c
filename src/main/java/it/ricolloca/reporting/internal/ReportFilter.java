package it.ricolloca.reporting.internal;

import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;

/**
 * What the monitoring's tables cover: a period (requests filed, events happened in it), and
 * optionally one CPI or one province. A CPI user's lines are always their own CPI's.
 */
public record ReportFilter(LocalDate from, LocalDate to, Long centre, String province) {

    /** The measure started in 2015: by default the whole history up to today. */
    public static final LocalDate START = LocalDate.of(2015, 1, 1);

    public ReportFilter {
        from = from == null ? START : from;
        to = to == null ? Dates.today() : to;
        if (to.isBefore(from)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        province = province == null || !province.strip().matches("[A-Za-z]{2}") ? null : province.strip().toUpperCase();
    }
}
