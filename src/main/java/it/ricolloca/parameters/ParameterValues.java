package it.ricolloca.parameters;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value of each parameter in force on a date, typed: read from the database ({@link Parameters})
 * or from a history held in memory ({@link ParameterHistory}). A rule that needs parameters depends on
 * this, so that it can be tested without a database.
 */
public interface ParameterValues {

    /** The value valid on {@code date}; {@link Parameters.NoValueException} when no period covers it. */
    String valueOn(Parameter p, LocalDate date);

    default int integer(Parameter p, LocalDate date) {
        return Integer.parseInt(valueOn(p, date));
    }

    default BigDecimal amount(Parameter p, LocalDate date) {
        return new BigDecimal(valueOn(p, date));
    }

    default boolean flag(Parameter p, LocalDate date) {
        return Boolean.parseBoolean(valueOn(p, date));
    }
}
