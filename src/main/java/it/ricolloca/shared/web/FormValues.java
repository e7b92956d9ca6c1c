package it.ricolloca.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's values as text: a date typed in a search, tolerant of malformed input; what the user
 * typed in the fields a form could not read, to show it back next to its error; and bound values
 * as the inputs want them (numbers the Italian way).
 */
public final class FormValues {

    private FormValues() {
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

    /** What was typed in each field the form could not read (a number written the foreign way), by field name. */
    public static Map<String, String> typed(BindingResult result) {
        Map<String, String> typed = new HashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            Object value = error.getRejectedValue();
            if (value instanceof String text) {
                typed.putIfAbsent(error.getField(), text);
            } else if (value instanceof String[] texts && texts.length > 0) {
                typed.putIfAbsent(error.getField(), texts[0]);
            }
        }
        return typed;
    }

    /**
     * Field names and bound values ({@code "amount", form.amount(), ...}) as the inputs show them
     * back (numbers the Italian way, enums by name), overridden by what was typed where the form
     * could not read it.
     */
    public static Map<String, String> shown(BindingResult result, Object... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            values.put((String) namesAndValues[i], v == null ? "" : v instanceof BigDecimal b ? Numbers.input(b)
                    : v instanceof Enum<?> e ? e.name() : v.toString());
        }
        values.putAll(typed(result));
        return values;
    }
}
