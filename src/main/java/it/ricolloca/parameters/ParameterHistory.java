package it.ricolloca.parameters;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Periods of parameter values held in memory, read once: the value in force on a date is the one of
 * the period that started last on or before it and had not ended before it, the same rule as the
 * database's {@link Parameters#valueOn}.
 */
public record ParameterHistory(List<Parameters.Period> periods) implements ParameterValues {

    public ParameterHistory {
        periods = List.copyOf(periods);
    }

    @Override
    public String valueOn(Parameter p, LocalDate date) {
        return periods.stream().filter(x -> x.parameter() == p && inForce(x, date))
                .max(Comparator.comparing(Parameters.Period::validFrom)).map(Parameters.Period::value)
                .orElseThrow(() -> new Parameters.NoValueException(p, date));
    }

    /** Whether a period covers a date: from its first day to its last (open-ended while {@code validTo} is null). */
    public static boolean inForce(Parameters.Period period, LocalDate date) {
        return !period.validFrom().isAfter(date) && (period.validTo() == null || !period.validTo().isBefore(date));
    }
}
