package it.ricolloca.support;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.ParameterHistory;
import it.ricolloca.parameters.Parameters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameter values for plain unit tests, without a database: every parameter at its default from
 * {@link #SINCE}, and new values from a date on, closing the period before as the regional
 * administrator's change does.
 */
public final class ParameterValuesInMemory {

    public static final LocalDate SINCE = LocalDate.of(2017, 1, 1);

    private final List<Parameters.Period> periods = new ArrayList<>();
    private long ids;

    private ParameterValuesInMemory() {
    }

    public static ParameterValuesInMemory defaults() {
        ParameterValuesInMemory values = new ParameterValuesInMemory();
        for (Parameter p : Parameter.values()) {
            values.periods.add(values.period(p, p.defaultValue(), SINCE, null));
        }
        return values;
    }

    /** A new value from {@code from} on; the period in force before it ends the day before. */
    public ParameterValuesInMemory change(Parameter p, String value, LocalDate from) {
        for (int i = 0; i < periods.size(); i++) {
            Parameters.Period x = periods.get(i);
            if (x.parameter() == p && x.validTo() == null) {
                periods.set(i, new Parameters.Period(x.id(), p, x.value(), x.validFrom(), from.minusDays(1),
                        x.legalSource(), x.changedBy(), x.changedAt()));
            }
        }
        periods.add(period(p, value, from, null));
        return this;
    }

    public ParameterHistory history() {
        return new ParameterHistory(periods);
    }

    private Parameters.Period period(Parameter p, String value, LocalDate from, LocalDate to) {
        return new Parameters.Period(++ids, p, value, from, to, "test", "regione", Instant.EPOCH);
    }
}
