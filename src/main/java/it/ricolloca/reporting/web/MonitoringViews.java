package it.ricolloca.reporting.web;

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
}
