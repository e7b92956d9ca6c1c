package it.ricolloca.conditionality;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.conditionality.SuitableOffer.Coherence;
import it.ricolloca.conditionality.SuitableOffer.Criterion;
import it.ricolloca.conditionality.SuitableOffer.Facts;
import it.ricolloca.conditionality.SuitableOffer.Limits;
import it.ricolloca.conditionality.SuitableOffer.Result;
import it.ricolloca.conditionality.SuitableOffer.Rules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The criteria of a suitable offer, at the 6- and 12-month boundaries of unemployment, and the rules by the offer's date. */
class SuitableOfferTest {

    static final LocalDate SINCE = LocalDate.of(2026, 1, 15);
    static final Limits LIMITS = new Limits(50, 80, 80, 100, 20, 3, 80);

    static Facts facts(LocalDate offer, Coherence coherence, String km, Integer minutes) {
        return new Facts(SINCE, offer, coherence, km == null ? null : new BigDecimal(km), minutes, true, null,
                new BigDecimal("36"), new BigDecimal("40"), new BigDecimal("1500"), new BigDecimal("130"),
                new BigDecimal("1400"), new BigDecimal("1000"));
    }

    @Test
    void coherenceWidensWithThePeriodOfUnemployment() {
        LocalDate lastStrictDay = SINCE.plusMonths(6).minusDays(1);
        LocalDate firstWiderDay = SINCE.plusMonths(6);
        LocalDate lastSectorDay = SINCE.plusMonths(12);
        LocalDate firstOtherSectorDay = SINCE.plusMonths(12).plusDays(1);
        assertThat(SuitableOffer.inFirstSixMonths(SINCE, lastStrictDay)).isTrue();
        assertThat(SuitableOffer.inFirstSixMonths(SINCE, firstWiderDay)).isFalse();
        assertThat(coherence(lastStrictDay, Coherence.PACT_AREA)).isEqualTo(Result.MET);
        assertThat(coherence(lastStrictDay, Coherence.SAME_SECTOR)).isEqualTo(Result.NOT_MET);
        assertThat(coherence(firstWiderDay, Coherence.SAME_SECTOR)).isEqualTo(Result.MET);
        assertThat(coherence(lastSectorDay, Coherence.OTHER_SECTOR)).isEqualTo(Result.NOT_MET);
        assertThat(coherence(firstOtherSectorDay, Coherence.OTHER_SECTOR)).isEqualTo(Result.MET);
        assertThat(coherence(firstOtherSectorDay, Coherence.NONE)).isEqualTo(Result.NOT_MET);
        assertThat(coherence(lastStrictDay, null)).isEqualTo(Result.UNKNOWN);
    }

    @Test
    void distanceWidensAfterTwelveMonths() {
        LocalDate lastNearDay = SINCE.plusMonths(12);
        LocalDate firstFarDay = SINCE.plusMonths(12).plusDays(1);
        assertThat(eval(facts(lastNearDay, Coherence.PACT_AREA, "60", 90)).get(Criterion.DISTANCE)).isEqualTo(Result.NOT_MET);
        assertThat(eval(facts(firstFarDay, Coherence.PACT_AREA, "60", 90)).get(Criterion.DISTANCE)).isEqualTo(Result.MET);
        assertThat(eval(facts(lastNearDay, Coherence.PACT_AREA, "50", null)).get(Criterion.DISTANCE)).isEqualTo(Result.MET);
        assertThat(eval(facts(lastNearDay, Coherence.PACT_AREA, "120", 80)).get(Criterion.DISTANCE))
                .as("within the travel time even if far").isEqualTo(Result.MET);
        assertThat(eval(facts(firstFarDay, Coherence.PACT_AREA, "81", 101)).get(Criterion.DISTANCE)).isEqualTo(Result.NOT_MET);
        assertThat(eval(facts(firstFarDay, Coherence.PACT_AREA, null, null)).get(Criterion.DISTANCE)).isEqualTo(Result.UNKNOWN);
    }

    @Test
    void contractHoursAndPayNetOfTheWorkersContributions() {
        Facts base = facts(SINCE.plusMonths(2), Coherence.PACT_AREA, "10", 20);
        assertThat(SuitableOffer.overall(eval(base))).isEqualTo(Result.MET);
        Facts shortTerm = new Facts(SINCE, SINCE.plusMonths(2), Coherence.PACT_AREA, BigDecimal.TEN, 20, false, 2,
                new BigDecimal("40"), new BigDecimal("40"), new BigDecimal("1500"), new BigDecimal("130"),
                new BigDecimal("1400"), new BigDecimal("1000"));
        assertThat(eval(shortTerm).get(Criterion.CONTRACT)).isEqualTo(Result.NOT_MET);
        // 1.300 gross less 110 of contributions = 1.190 net, below 1.000 + 20% = 1.200
        Facts threeMonths = new Facts(SINCE, SINCE.plusMonths(2), Coherence.PACT_AREA, BigDecimal.TEN, 20, false, 3,
                new BigDecimal("31.9"), new BigDecimal("40"), new BigDecimal("1300"), new BigDecimal("110"),
                new BigDecimal("1100"), new BigDecimal("1000"));
        Map<Criterion, Result> r = eval(threeMonths);
        assertThat(r.get(Criterion.CONTRACT)).isEqualTo(Result.MET);
        assertThat(r.get(Criterion.HOURS)).as("below 80% of the last contract").isEqualTo(Result.NOT_MET);
        assertThat(r.get(Criterion.PAY)).as("net pay below the benefit plus 20%").isEqualTo(Result.NOT_MET);
        assertThat(SuitableOffer.overall(r)).isEqualTo(Result.NOT_MET);
        Facts unknownPay = new Facts(SINCE, SINCE.plusMonths(2), Coherence.PACT_AREA, BigDecimal.TEN, 20, true, null,
                new BigDecimal("32"), new BigDecimal("40"), new BigDecimal("1300"), null, new BigDecimal("1100"),
                new BigDecimal("1000"));
        assertThat(eval(unknownPay).get(Criterion.HOURS)).isEqualTo(Result.MET);
        assertThat(eval(unknownPay).get(Criterion.PAY)).as("contributions unknown").isEqualTo(Result.UNKNOWN);
        assertThat(SuitableOffer.overall(eval(unknownPay))).isEqualTo(Result.UNKNOWN);
    }

    @Test
    void theRulesAreThoseInForceOnTheOffersDate() {
        assertThat(Rules.on(LocalDate.of(2018, 7, 13))).isEqualTo(Rules.L92_2012);
        assertThat(Rules.on(LocalDate.of(2018, 7, 14))).isEqualTo(Rules.DM_2018);
        LocalDate since = LocalDate.of(2017, 1, 10);
        // March 2018, 14 months unemployed: L. 92/2012 keeps 50 km / 80 minutes and looks at the gross benefit only
        Facts march = new Facts(since, LocalDate.of(2018, 3, 12), Coherence.NONE, new BigDecimal("70"), 95, false, 1,
                new BigDecimal("10"), new BigDecimal("40"), new BigDecimal("1210"), new BigDecimal("200"), null,
                new BigDecimal("1000"));
        Map<Criterion, Result> r = eval(march);
        assertThat(r.get(Criterion.COHERENCE)).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(r.get(Criterion.CONTRACT)).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(r.get(Criterion.HOURS)).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(r.get(Criterion.DISTANCE)).as("70 km, 95 minutes: beyond 50 km / 80 minutes").isEqualTo(Result.NOT_MET);
        assertThat(r.get(Criterion.PAY)).as("1.210 gross ≥ 1.200").isEqualTo(Result.MET);
    }

    private static Result coherence(LocalDate offer, Coherence c) {
        return eval(facts(offer, c, "10", 20)).get(Criterion.COHERENCE);
    }

    private static Map<Criterion, Result> eval(Facts f) {
        return SuitableOffer.evaluate(f, LIMITS);
    }
}
