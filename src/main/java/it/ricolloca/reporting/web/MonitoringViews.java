package it.ricolloca.reporting.web;

import it.ricolloca.reporting.internal.ReportTable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the monitoring page writes its figures. */
public final class MonitoringViews {

    private MonitoringViews() {
    }

    /** A share as the page shows it, in percent with one decimal and a comma; a change shows its plus sign. */
    public static String percent(BigDecimal share, boolean signed) {
        if (share == null) {
            return "—";
        }
        BigDecimal p = share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        return (signed && p.signum() > 0 ? "+" : "") + p.toPlainString().replace('.', ',') + "%";
    }

    /** A count of the seed's table as the seed writes it: a blank where there is none. */
    public static String count(long n) {
        return n == 0 ? "" : String.valueOf(n);
    }

    /** A value of a monitoring table as the page writes it: counts as they are, days with a comma, shares in percent. */
    public static String value(ReportTable.Kind kind, BigDecimal v) {
        if (v == null) {
            return "—";
        }
        return switch (kind) {
            case SHARE -> percent(v, false);
            case DAYS -> v.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
            case COUNT -> v.toPlainString();
        };
    }
}
