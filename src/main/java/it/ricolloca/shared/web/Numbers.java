package it.ricolloca.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as Italian users write and read them: {@code .} groups thousands, {@code ,} marks the
 * decimals. Read: {@code 1650}, {@code 1.650}, {@code 1.650,50}, {@code 0,73} (an optional euro
 * sign and spaces are ignored); anything else, such as {@code 1,650.50} or {@code 1.65}, is refused
 * rather than guessed. Written: {@code 1.650,5}, amounts {@code 1.650,00 €}, hours {@code 2,5}.
 */
public final class Numbers {

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(,\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final int MAX_LENGTH = 40;

    private Numbers() {
    }

    /** The number written, or null when blank; {@link IllegalArgumentException} when it is not written the Italian way. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace("€", "").replace(" ", "").replace(" ", "").replace(" ", "").strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > MAX_LENGTH || !(PLAIN.matcher(s).matches() || GROUPED.matcher(s).matches())) {
            throw new IllegalArgumentException("not an Italian number");
        }
        return new BigDecimal(s.replace(".", "").replace(',', '.'));
    }

    /** A number with its significant decimals only: {@code 1.650}, {@code 0,73}, {@code 2,5}; empty for null. */
    public static String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal v = value.stripTrailingZeros();
        DecimalFormat f = grouped(Math.max(0, v.scale()), Math.max(0, v.scale()));
        return f.format(v);
    }

    /** An amount in euro: {@code 1.650,00 €}; empty for null. */
    public static String amount(BigDecimal value) {
        return value == null ? "" : grouped(2, 2).format(value.setScale(2, RoundingMode.HALF_UP)) + " €";
    }

    /** Hours or another quantity with at most two decimals: {@code 40}, {@code 2,5}; empty for null. */
    public static String hours(BigDecimal value) {
        return value == null ? "" : format(value.setScale(Math.min(2, Math.max(0, value.scale())), RoundingMode.HALF_UP));
    }

    /** The value as a form shows it back for editing: {@code 1650,5} (no grouping, so it reads back the same); empty for null. */
    public static String input(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static DecimalFormat grouped(int minDecimals, int maxDecimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ITALY));
        f.setMinimumFractionDigits(minDecimals);
        f.setMaximumFractionDigits(maxDecimals);
        f.setParseBigDecimal(true);
        return f;
    }
}
