package it.ricolloca.reporting.internal;

import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;

/**
 * What the monitoring's tables cover: a period (requests filed, events happened in it), and
 * optionally one CPI or one province. A CPI user's lines are always their own CPI's. Lines and
 * totals both follow the filter.
 */
public record ReportFilter(LocalDate from, LocalDate to, Long centre, String province) {

    public ReportFilter {
        to = to == null ? Dates.today() : to;
        from = from == null ? defaultFrom(to) : from;
        if (to.isBefore(from)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        province = province == null || !province.strip().matches("[A-Za-z]{2}") ? null : province.strip().toUpperCase();
    }

    /**
     * By default the twelve months up to the end of the period: a whole year of weekly lists for the trend
     * and of pathways (which last six months, twelve when extended), whatever the day of the year; a year to
     * date would show almost nothing in January, the whole history since 2015 mixes today's figures with old ones.
     */
    public static LocalDate defaultFrom(LocalDate to) {
        return to.minusYears(1).plusDays(1);
    }
}
