package it.ricolloca.conditionality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The proposal of the ladders (DOMAIN.md section 5) as a plain rule: the sanction for the first,
 * second and every later sanctioned breach, on both sides of each step, and the kinds of breach each
 * ladder counts. {@link ConditionalityTest} proves the counting on the database, and that the
 * ladder stops at decadenza.
 */
class LadderTest {

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @CsvSource({
        "APPOINTMENT, 0, CUT_QUARTER_MONTH", "APPOINTMENT, 1, CUT_ONE_MONTH", "APPOINTMENT, 2, LOSS_OF_BENEFIT",
        "APPOINTMENT, 3, LOSS_OF_BENEFIT", "APPOINTMENT, 2147483648, LOSS_OF_BENEFIT",
        "ORIENTATION, 0, CUT_QUARTER_MONTH", "ORIENTATION, 1, CUT_ONE_MONTH", "ORIENTATION, 2, LOSS_OF_BENEFIT",
        "ORIENTATION, 3, LOSS_OF_BENEFIT",
        "TRAINING, 0, CUT_ONE_MONTH", "TRAINING, 1, LOSS_OF_BENEFIT", "TRAINING, 2, LOSS_OF_BENEFIT",
        "OFFER, 0, LOSS_OF_BENEFIT", "OFFER, 1, LOSS_OF_BENEFIT",
        "LATE_REQUEST, 0, LOSS_OF_BENEFIT", "LATE_REQUEST, 1, LOSS_OF_BENEFIT"})
    void theSanctionClimbsWithTheEarlierSanctionedBreachesAndStaysOnTheLastStep(Ladder ladder, long earlier,
            Sanction expected) {
        assertThat(ladder.proposal(earlier)).isEqualTo(expected);
    }

    @Test
    void eachLadderCountsTheBreachesOfItsOwnKindsOnly() {
        assertThat(Ladder.APPOINTMENT.kinds()).containsExactly(BreachKind.MISSED_APPOINTMENT);
        assertThat(Ladder.ORIENTATION.kinds()).containsExactly(BreachKind.MISSED_ORIENTATION);
        assertThat(Ladder.TRAINING.kinds()).containsExactly(BreachKind.MISSED_TRAINING);
        assertThat(Ladder.OFFER.kinds()).containsExactly(BreachKind.REFUSED_OFFER);
        assertThat(Ladder.LATE_REQUEST.kinds()).containsExactly(BreachKind.LATE_SERVICE_REQUEST);
    }

    @Test
    void eachKindOfBreachClimbsItsLadderAndHasItsLabel() {
        assertThat(BreachKind.MISSED_APPOINTMENT.ladder()).isEqualTo(Ladder.APPOINTMENT);
        assertThat(BreachKind.REFUSED_OFFER.ladder()).isEqualTo(Ladder.OFFER);
        assertThat(BreachKind.MISSED_TRAINING.labelKey()).isEqualTo("conditionality.kind.MISSED_TRAINING");
        assertThat(Sanction.LOSS_OF_BENEFIT.labelKey()).isEqualTo("conditionality.sanction.LOSS_OF_BENEFIT");
    }
}
