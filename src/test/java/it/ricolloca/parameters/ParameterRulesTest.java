package it.ricolloca.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.support.ParameterValuesInMemory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The value in force on a date, on both sides of each period's first and last day, and the values
 * each kind of parameter accepts, on both sides of its limits. Plain unit tests (no database):
 * {@link ParametersTest} proves the same rule on the database's periods.
 */
class ParameterRulesTest {

    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);

    static Parameters.Period period(Parameter p, String value, LocalDate from, LocalDate to) {
        return new Parameters.Period(1, p, value, from, to, "legge", "regione", Instant.EPOCH);
    }

    @Test
    void aPeriodCoversItsFirstAndLastDayAndNothingOutside() {
        Parameters.Period closed = period(Parameter.SERVICE_MONTHS, "6", FROM, TO);
        assertThat(ParameterHistory.inForce(closed, FROM.minusDays(1))).isFalse();
        assertThat(ParameterHistory.inForce(closed, FROM)).isTrue();
        assertThat(ParameterHistory.inForce(closed, TO)).isTrue();
        assertThat(ParameterHistory.inForce(closed, TO.plusDays(1))).isFalse();
        Parameters.Period open = period(Parameter.SERVICE_MONTHS, "6", FROM, null);
        assertThat(ParameterHistory.inForce(open, FROM.minusDays(1))).isFalse();
        assertThat(ParameterHistory.inForce(open, LocalDate.of(2099, 12, 31))).isTrue();
    }

    @Test
    void theValueInForceIsThatOfItsOwnDate() {
        ParameterHistory h = ParameterValuesInMemory.defaults().change(Parameter.SERVICE_MONTHS, "8", FROM)
                .change(Parameter.SERVICE_MONTHS, "9", TO.plusDays(1)).history();
        assertThat(h.integer(Parameter.SERVICE_MONTHS, FROM.minusDays(1))).isEqualTo(6);
        assertThat(h.integer(Parameter.SERVICE_MONTHS, FROM)).isEqualTo(8);
        assertThat(h.integer(Parameter.SERVICE_MONTHS, TO)).isEqualTo(8);
        assertThat(h.integer(Parameter.SERVICE_MONTHS, TO.plusDays(1))).isEqualTo(9);
        assertThat(h.integer(Parameter.EXTENSION_MONTHS, TO)).as("another parameter keeps its own").isEqualTo(6);
        assertThat(h.amount(Parameter.ROAD_FACTOR, FROM)).isEqualByComparingTo("1.30");
        assertThat(h.flag(Parameter.LEGAL_TERMS_MOVE_TO_WORKING_DAY, FROM)).isTrue();
        assertThat(h.flag(Parameter.SILENCE_MEANS_APPROVAL, FROM)).isFalse();
    }

    @Test
    void whenTwoPeriodsCoverADateTheLaterStartWins() {
        ParameterHistory h = new ParameterHistory(List.of(period(Parameter.PACT_WITHIN_DAYS, "14", FROM, null),
                period(Parameter.PACT_WITHIN_DAYS, "20", FROM.plusDays(1), null),
                period(Parameter.PACT_WITHIN_DAYS, "10", FROM.minusDays(1), null)));
        assertThat(h.valueOn(Parameter.PACT_WITHIN_DAYS, FROM)).isEqualTo("14");
        assertThat(h.valueOn(Parameter.PACT_WITHIN_DAYS, FROM.plusDays(1))).isEqualTo("20");
        assertThat(h.valueOn(Parameter.PACT_WITHIN_DAYS, FROM.minusDays(1))).isEqualTo("10");
    }

    @Test
    void aDateNoPeriodCoversHasNoValue() {
        ParameterHistory h = new ParameterHistory(List.of(period(Parameter.PACT_WITHIN_DAYS, "14", FROM, TO)));
        assertThatThrownBy(() -> h.valueOn(Parameter.PACT_WITHIN_DAYS, FROM.minusDays(1)))
                .isInstanceOf(Parameters.NoValueException.class).hasMessage("parameter.noValue");
        assertThatThrownBy(() -> h.valueOn(Parameter.PACT_WITHIN_DAYS, TO.plusDays(1)))
                .isInstanceOf(Parameters.NoValueException.class);
        assertThatThrownBy(() -> h.valueOn(Parameter.SERVICE_MONTHS, FROM)).as("another parameter's period")
                .isInstanceOf(Parameters.NoValueException.class);
    }

    @ParameterizedTest(name = "{0} «{1}» -> «{2}»")
    @CsvSource(value = {
            "SERVICE_MONTHS, 0, 0", "SERVICE_MONTHS, -1, ", "SERVICE_MONTHS, 100000, 100000",
            "SERVICE_MONTHS, 100001, ", "SERVICE_MONTHS, ' 007 ', 7", "SERVICE_MONTHS, 6.5, ", "SERVICE_MONTHS, '', ",
            "ROAD_FACTOR, 0, 0.00", "ROAD_FACTOR, -0.01, ", "ROAD_FACTOR, '1,3', 1.30", "ROAD_FACTOR, 1.25, 1.25",
            "ROAD_FACTOR, 1.255, ", "ROAD_FACTOR, 1000000, 1000000.00", "ROAD_FACTOR, 1000000.01, ",
            "ROAD_FACTOR, abc, ",
            "SILENCE_MEANS_APPROVAL, true, true", "SILENCE_MEANS_APPROVAL, Sì, true", "SILENCE_MEANS_APPROVAL, si, true",
            "SILENCE_MEANS_APPROVAL, FALSE, false", "SILENCE_MEANS_APPROVAL, no, false",
            "SILENCE_MEANS_APPROVAL, forse, "})
    void eachKindAcceptsItsValuesWithinItsLimits(Parameter p, String text, String canonical) {
        assertThat(p.canonical(text).orElse(null)).isEqualTo(canonical);
    }

    @Test
    void aMissingValueIsNoValue() {
        assertThat(Parameter.SERVICE_MONTHS.canonical(null)).isEmpty();
        assertThat(Parameter.SILENCE_MEANS_APPROVAL.canonical(null)).isEmpty();
    }

    @Test
    void eachParameterKnowsItsKindDefaultSourceAndLabel() {
        assertThat(Parameter.SERVICE_MONTHS.kind()).isEqualTo(Parameter.Kind.INTEGER);
        assertThat(Parameter.SERVICE_MONTHS.defaultValue()).isEqualTo("6");
        assertThat(Parameter.SERVICE_MONTHS.defaultSource()).isEqualTo("art. 23 D.Lgs. 150/2015");
        assertThat(Parameter.SERVICE_MONTHS.labelKey()).isEqualTo("parameter.SERVICE_MONTHS");
        for (Parameter p : Parameter.values()) {
            assertThat(p.canonical(p.defaultValue())).as(p.name()).contains(p.defaultValue());
        }
    }
}
