package it.ricolloca.conditionality;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.conditionality.SuitableOffer.Criterion;
import it.ricolloca.conditionality.SuitableOffer.Facts;
import it.ricolloca.conditionality.SuitableOffer.Limits;
import it.ricolloca.conditionality.SuitableOffer.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The criteria of a suitable offer, at the 6- and 12-month boundaries of unemployment. */
class SuitableOfferTest {

    static final LocalDate SINCE = LocalDate.of(2026, 1, 15);
    static final Limits LIMITS = new Limits(50, 80, 80, 100);

    static Facts facts(LocalDate offer, Boolean experience, Boolean skills, String km, Integer minutes) {
        return new Facts(SINCE, offer, experience, skills, km == null ? null : new BigDecimal(km), minutes, true, null,
                new BigDecimal("36"), new BigDecimal("40"), new BigDecimal("1500"), new BigDecimal("1400"),
                new BigDecimal("1000"));
    }

    @Test
    void coherenceNeedsExperienceInTheFirstSixMonthsAndSkillsAfter() {
        LocalDate lastStrictDay = SINCE.plusMonths(6).minusDays(1);
        LocalDate firstWiderDay = SINCE.plusMonths(6);
        assertThat(SuitableOffer.inFirstSixMonths(SINCE, lastStrictDay)).isTrue();
        assertThat(SuitableOffer.inFirstSixMonths(SINCE, firstWiderDay)).isFalse();
        assertThat(eval(facts(lastStrictDay, false, true, "10", null)).get(Criterion.COHERENCE)).isEqualTo(Result.NOT_MET);
        assertThat(eval(facts(firstWiderDay, false, true, "10", null)).get(Criterion.COHERENCE)).isEqualTo(Result.MET);
        assertThat(eval(facts(firstWiderDay, false, false, "10", null)).get(Criterion.COHERENCE)).isEqualTo(Result.NOT_MET);
        assertThat(eval(facts(lastStrictDay, null, true, "10", null)).get(Criterion.COHERENCE)).isEqualTo(Result.UNKNOWN);
    }

    @Test
    void distanceWidensAfterTwelveMonths() {
        LocalDate lastNearDay = SINCE.plusMonths(12);
        LocalDate firstFarDay = SINCE.plusMonths(12).plusDays(1);
        assertThat(eval(facts(lastNearDay, true, true, "60", 90)).get(Criterion.DISTANCE)).isEqualTo(Result.NOT_MET);
        assertThat(eval(facts(firstFarDay, true, true, "60", 90)).get(Criterion.DISTANCE)).isEqualTo(Result.MET);
        assertThat(eval(facts(lastNearDay, true, true, "50", null)).get(Criterion.DISTANCE)).isEqualTo(Result.MET);
        assertThat(eval(facts(lastNearDay, true, true, "120", 80)).get(Criterion.DISTANCE))
                .as("within the travel time even if far").isEqualTo(Result.MET);
        assertThat(eval(facts(firstFarDay, true, true, "81", 101)).get(Criterion.DISTANCE)).isEqualTo(Result.NOT_MET);
        assertThat(eval(facts(firstFarDay, true, true, null, null)).get(Criterion.DISTANCE)).isEqualTo(Result.UNKNOWN);
    }

    @Test
    void contractHoursAndPay() {
        Facts base = facts(SINCE.plusMonths(2), true, true, "10", 20);
        assertThat(SuitableOffer.overall(eval(base))).isEqualTo(Result.MET);
        Facts shortTerm = new Facts(SINCE, SINCE.plusMonths(2), true, true, BigDecimal.TEN, 20, false, 2,
                new BigDecimal("40"), new BigDecimal("40"), new BigDecimal("1500"), new BigDecimal("1400"),
                new BigDecimal("1000"));
        assertThat(eval(shortTerm).get(Criterion.CONTRACT)).isEqualTo(Result.NOT_MET);
        Facts threeMonths = new Facts(SINCE, SINCE.plusMonths(2), true, true, BigDecimal.TEN, 20, false, 3,
                new BigDecimal("31.9"), new BigDecimal("40"), new BigDecimal("1199"), new BigDecimal("1100"),
                new BigDecimal("1000"));
        Map<Criterion, Result> r = eval(threeMonths);
        assertThat(r.get(Criterion.CONTRACT)).isEqualTo(Result.MET);
        assertThat(r.get(Criterion.HOURS)).as("below 80% of the last contract").isEqualTo(Result.NOT_MET);
        assertThat(r.get(Criterion.PAY)).as("below the benefit plus 20%").isEqualTo(Result.NOT_MET);
        assertThat(SuitableOffer.overall(r)).isEqualTo(Result.NOT_MET);
        Facts unknownPay = new Facts(SINCE, SINCE.plusMonths(2), true, true, BigDecimal.TEN, 20, true, null,
                new BigDecimal("32"), new BigDecimal("40"), new BigDecimal("1300"), null, new BigDecimal("1000"));
        assertThat(eval(unknownPay).get(Criterion.HOURS)).isEqualTo(Result.MET);
        assertThat(eval(unknownPay).get(Criterion.PAY)).isEqualTo(Result.UNKNOWN);
        assertThat(SuitableOffer.overall(eval(unknownPay))).isEqualTo(Result.UNKNOWN);
    }

    private static Map<Criterion, Result> eval(Facts f) {
        return SuitableOffer.evaluate(f, LIMITS);
    }
}
