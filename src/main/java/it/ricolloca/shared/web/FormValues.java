package it.ricolloca.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading values of forms with repeated rows or typed dates, tolerant of missing and malformed input. */
public final class FormValues {

    private FormValues() {
    }

    /** The i-th value of a repeated field, stripped; empty when missing. */
    public static String at(String[] values, int i) {
        return values != null && i < values.length && values[i] != null ? values[i].strip() : "";
    }

    /** A date as an {@code <input type="date">} sends it; empty when blank or malformed. */
    public static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
