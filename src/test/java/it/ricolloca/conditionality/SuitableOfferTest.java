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

    // ---- every boundary on both sides (issue 23) ----

    static final LocalDate ON = SINCE.plusMonths(2);

    /** An offer on {@link #ON}, two months into unemployment, that meets every criterion; change one fact at a time. */
    static Facts suitable() {
        return new Facts(SINCE, ON, Coherence.PACT_AREA, new BigDecimal("10"), 20, false, 3, new BigDecimal("32"),
                new BigDecimal("40"), new BigDecimal("1400"), new BigDecimal("100"), new BigDecimal("1400"),
                new BigDecimal("1000"));
    }

    @Test
    void theBaseOfferMeetsEveryCriterion() {
        assertThat(eval(suitable())).containsExactly(Map.entry(Criterion.COHERENCE, Result.MET),
                Map.entry(Criterion.DISTANCE, Result.MET), Map.entry(Criterion.CONTRACT, Result.MET),
                Map.entry(Criterion.HOURS, Result.MET), Map.entry(Criterion.PAY, Result.MET));
        assertThat(SuitableOffer.overall(eval(suitable()))).isEqualTo(Result.MET);
    }

    @Test
    void theLastContractOfNoHoursLeavesTheHoursUnknownInsteadOfDividingByZero() {
        assertThat(eval(withHours("32", "0")).get(Criterion.HOURS)).isEqualTo(Result.UNKNOWN);
        assertThat(eval(withHours("32", "-1")).get(Criterion.HOURS)).isEqualTo(Result.UNKNOWN);
        assertThat(eval(withHours("32", "0.01")).get(Criterion.HOURS)).isEqualTo(Result.MET);
        assertThat(eval(withHours(null, "40")).get(Criterion.HOURS)).isEqualTo(Result.UNKNOWN);
        assertThat(eval(withHours("32", null)).get(Criterion.HOURS)).isEqualTo(Result.UNKNOWN);
        // exactly 80% of the last contract's hours is enough; a hundredth of an hour less is not
        assertThat(eval(withHours("32", "40")).get(Criterion.HOURS)).isEqualTo(Result.MET);
        assertThat(eval(withHours("31.99", "40")).get(Criterion.HOURS)).isEqualTo(Result.NOT_MET);
    }

    @Test
    void payExactlyAtTheCollectiveMinimumAndExactlyTwentyPercentAboveTheBenefitIsEnough() {
        // collective minimum 1.400: 1.400 meets it, 1.399,99 does not (the benefit is met either way)
        assertThat(eval(withPay("1400", "100", "1400", "1000")).get(Criterion.PAY)).isEqualTo(Result.MET);
        assertThat(eval(withPay("1399.99", null, "1400", "1000")).get(Criterion.PAY)).isEqualTo(Result.NOT_MET);
        // net of contributions, exactly 1.000 + 20% = 1.200 meets it, a cent less does not
        assertThat(eval(withPay("1300", "100", "1000", "1000")).get(Criterion.PAY)).isEqualTo(Result.MET);
        assertThat(eval(withPay("1300", "100.01", "1000", "1000")).get(Criterion.PAY)).isEqualTo(Result.NOT_MET);
        assertThat(eval(withPay("1199.99", null, null, "1000")).get(Criterion.PAY)).as("gross under: fails anyway")
                .isEqualTo(Result.NOT_MET);
        assertThat(eval(withPay("1200", null, null, "1000")).get(Criterion.PAY)).as("the rest unknown")
                .isEqualTo(Result.UNKNOWN);
        assertThat(eval(withPay("1200", "0", "1000", null)).get(Criterion.PAY)).as("benefit unknown")
                .isEqualTo(Result.UNKNOWN);
        assertThat(eval(withPay("1200", "0", null, "1000")).get(Criterion.PAY)).as("minimum unknown")
                .isEqualTo(Result.UNKNOWN);
        assertThat(eval(withPay(null, "0", "1000", "1000")).get(Criterion.PAY)).isEqualTo(Result.UNKNOWN);
        // the threshold is rounded to the cent: 999,99 + 20% = 1.199,988, i.e. 1.199,99
        assertThat(eval(withPay("1199.99", "0", "1000", "999.99")).get(Criterion.PAY)).isEqualTo(Result.MET);
        assertThat(eval(withPay("1199.98", "0", "1000", "999.99")).get(Criterion.PAY)).isEqualTo(Result.NOT_MET);
    }

    @Test
    void beforeTheDecreeThePayIsExactlyTwentyPercentAboveTheGrossBenefitOrMore() {
        LocalDate old = LocalDate.of(2018, 3, 12);
        assertThat(eval(oldOffer(old, "1200")).get(Criterion.PAY)).isEqualTo(Result.MET);
        assertThat(eval(oldOffer(old, "1199.99")).get(Criterion.PAY)).isEqualTo(Result.NOT_MET);
        assertThat(eval(oldOffer(old, null)).get(Criterion.PAY)).isEqualTo(Result.UNKNOWN);
        Facts noBenefit = new Facts(null, old, null, new BigDecimal("10"), null, null, null, null, null,
                new BigDecimal("1200"), null, null, null);
        assertThat(eval(noBenefit).get(Criterion.PAY)).isEqualTo(Result.UNKNOWN);
        assertThat(eval(noBenefit).get(Criterion.DISTANCE)).as("50 km or less, whatever the months").isEqualTo(Result.MET);
        assertThat(eval(oldOffer(DM_DAY_BEFORE, "1200")).get(Criterion.COHERENCE)).isEqualTo(Result.NOT_APPLICABLE);
        assertThat(eval(oldOffer(SuitableOffer.DM_2018_FROM, "1200")).get(Criterion.COHERENCE))
                .isEqualTo(Result.NOT_MET);
    }

    static final LocalDate DM_DAY_BEFORE = SuitableOffer.DM_2018_FROM.minusDays(1);

    @Test
    void afterTwelveMonthsTheEightyKilometresAndHundredMinutesDecide() {
        LocalDate far = SINCE.plusMonths(12).plusDays(1);
        assertThat(distance(far, "80", null)).isEqualTo(Result.MET);
        assertThat(distance(far, "80.01", null)).isEqualTo(Result.NOT_MET);
        assertThat(distance(far, null, 100)).isEqualTo(Result.MET);
        assertThat(distance(far, null, 101)).isEqualTo(Result.NOT_MET);
        assertThat(distance(far, null, null)).isEqualTo(Result.UNKNOWN);
        LocalDate near = SINCE.plusMonths(12);
        assertThat(distance(near, "50", null)).isEqualTo(Result.MET);
        assertThat(distance(near, "50.01", null)).isEqualTo(Result.NOT_MET);
        assertThat(distance(near, null, 80)).isEqualTo(Result.MET);
        assertThat(distance(near, null, 81)).isEqualTo(Result.NOT_MET);
        Facts unemployedSinceUnknown = new Facts(null, ON, Coherence.PACT_AREA, BigDecimal.ONE, 1, true, null, null, null,
                null, null, null, null);
        assertThat(eval(unemployedSinceUnknown).get(Criterion.DISTANCE)).isEqualTo(Result.UNKNOWN);
        assertThat(eval(unemployedSinceUnknown).get(Criterion.COHERENCE)).isEqualTo(Result.UNKNOWN);
    }

    @Test
    void theContractIsPermanentOrAtLeastTheShortestAllowed() {
        assertThat(contract(true, null)).isEqualTo(Result.MET);
        assertThat(contract(true, 1)).isEqualTo(Result.MET);
        assertThat(contract(false, 3)).isEqualTo(Result.MET);
        assertThat(contract(false, 2)).isEqualTo(Result.NOT_MET);
        assertThat(contract(false, null)).isEqualTo(Result.UNKNOWN);
        assertThat(contract(null, 12)).isEqualTo(Result.UNKNOWN);
    }

    @Test
    void theTwelveMonthsEndOnTheSameDayOfTheMonth() {
        assertThat(SuitableOffer.withinTwelveMonths(SINCE, SINCE.plusMonths(12))).isTrue();
        assertThat(SuitableOffer.withinTwelveMonths(SINCE, SINCE.plusMonths(12).plusDays(1))).isFalse();
        assertThat(SuitableOffer.inFirstSixMonths(SINCE, SINCE)).isTrue();
        assertThat(coherence(SINCE.plusMonths(12).plusDays(1), Coherence.SAME_SECTOR)).isEqualTo(Result.MET);
        assertThat(coherence(SINCE.plusMonths(12).plusDays(1), Coherence.PACT_AREA)).isEqualTo(Result.MET);
        assertThat(coherence(SINCE.plusMonths(6), Coherence.PACT_AREA)).isEqualTo(Result.MET);
        assertThat(coherence(SINCE, Coherence.NONE)).isEqualTo(Result.NOT_MET);
    }

    @Test
    void theOverallResultIsNotMetOverUnknownOverMetAndIgnoresWhatDoesNotApply() {
        assertThat(SuitableOffer.overall(Map.of(Criterion.PAY, Result.NOT_MET, Criterion.HOURS, Result.UNKNOWN)))
                .isEqualTo(Result.NOT_MET);
        assertThat(SuitableOffer.overall(Map.of(Criterion.PAY, Result.MET, Criterion.HOURS, Result.UNKNOWN)))
                .isEqualTo(Result.UNKNOWN);
        assertThat(SuitableOffer.overall(Map.of(Criterion.PAY, Result.MET, Criterion.HOURS, Result.NOT_APPLICABLE)))
                .isEqualTo(Result.MET);
    }

    @Test
    void everyValueHasItsLabel() {
        assertThat(Rules.DM_2018.labelKey()).isEqualTo("suitability.rules.DM_2018");
        assertThat(Coherence.SAME_SECTOR.labelKey()).isEqualTo("suitability.coherence.SAME_SECTOR");
        assertThat(Result.UNKNOWN.labelKey()).isEqualTo("suitability.result.UNKNOWN");
        assertThat(Criterion.PAY.labelKey()).isEqualTo("suitability.criterion.PAY");
    }

    private static Facts withHours(String offered, String last) {
        Facts f = suitable();
        return new Facts(f.unemployedSince(), f.offerDate(), f.coherence(), f.distanceKm(), f.travelMinutes(), f.permanent(),
                f.durationMonths(), offered == null ? null : new BigDecimal(offered), last == null ? null : new BigDecimal(last),
                f.offeredMonthlyPay(), f.workerContributions(), f.collectiveMinimum(), f.lastMonthlyBenefit());
    }

    private static Facts withPay(String pay, String contributions, String minimum, String benefit) {
        Facts f = suitable();
        return new Facts(f.unemployedSince(), f.offerDate(), f.coherence(), f.distanceKm(), f.travelMinutes(), f.permanent(),
                f.durationMonths(), f.offeredWeeklyHours(), f.lastWeeklyHours(), decimal(pay), decimal(contributions),
                decimal(minimum), decimal(benefit));
    }

    private static Facts oldOffer(LocalDate on, String pay) {
        return new Facts(SINCE.minusYears(9), on, Coherence.NONE, new BigDecimal("10"), null, null, null, null, null,
                decimal(pay), new BigDecimal("500"), null, new BigDecimal("1000"));
    }

    private static Result distance(LocalDate on, String km, Integer minutes) {
        Facts f = suitable();
        return eval(new Facts(f.unemployedSince(), on, f.coherence(), decimal(km), minutes, f.permanent(),
                f.durationMonths(), f.offeredWeeklyHours(), f.lastWeeklyHours(), f.offeredMonthlyPay(),
                f.workerContributions(), f.collectiveMinimum(), f.lastMonthlyBenefit())).get(Criterion.DISTANCE);
    }

    private static Result contract(Boolean permanent, Integer months) {
        Facts f = suitable();
        return eval(new Facts(f.unemployedSince(), f.offerDate(), f.coherence(), f.distanceKm(), f.travelMinutes(),
                permanent, months, f.offeredWeeklyHours(), f.lastWeeklyHours(), f.offeredMonthlyPay(),
                f.workerContributions(), f.collectiveMinimum(), f.lastMonthlyBenefit())).get(Criterion.CONTRACT);
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static Result coherence(LocalDate offer, Coherence c) {
        return eval(facts(offer, c, "10", 20)).get(Criterion.COHERENCE);
    }

    private static Map<Criterion, Result> eval(Facts f) {
        return SuitableOffer.evaluate(f, LIMITS);
    }
}
