package it.ricolloca.conditionality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a job offer is suitable (*offerta congrua*) for a worker, criterion by criterion, from
 * facts typed in, on the rules in force on the OFFER's date: each criterion is met, not met,
 * unknown when a fact is missing, or not applicable under the rules of that date.
 *
 * <ul>
 * <li>From the DM 10 aprile 2018 n. 42 (GU Serie Generale n. 162 of 14 July 2018; applied here
 * from {@link #DM_2018_FROM}): coherence with the profile by period of unemployment (up to 6
 * months the areas of activity agreed in the pact; over 6 and up to 12 months also other processes
 * and areas of the same economic-professional sector with professional continuity; over 12 months
 * also activities of other sectors with professional continuity), distance or public-transport time
 * (the near limits up to 12 months, the far ones after), permanent or at least
 * {@code SUITABLE_MIN_CONTRACT_MONTHS}, full time or at least {@code SUITABLE_MIN_HOURS_PERCENT}
 * of the last contract, pay at least the collective minimum and, net of the worker's contributions,
 * {@code SUITABLE_PAY_ABOVE_BENEFIT_PERCENT} above the benefit of the previous month (art. 25 c.1
 * lett. d D.Lgs. 150/2015).</li>
 * <li>Before it (art. 25 c.3 D.Lgs. 150/2015, which keeps art. 4 c.41-42 L. 92/2012): a pay level
 * at least {@code SUITABLE_PAY_ABOVE_BENEFIT_PERCENT} above the gross benefit and a place within
 * the near limits (50 km or 80 minutes by public transport); coherence, contract and hours are not
 * criteria.</li>
 * </ul>
 */
public final class SuitableOffer {

    /**
     * The first day an offer is judged by the DM 10 aprile 2018: the day of its publication in the
     * Gazzetta Ufficiale (n. 162 of 14/7/2018). The decree states no other date that we could source;
     * the regional agency is to confirm it.
     */
    public static final LocalDate DM_2018_FROM = LocalDate.of(2018, 7, 14);

    /** The rules an offer is judged by, chosen by its date. */
    public enum Rules {
        L92_2012,
        DM_2018;

        public String labelKey() {
            return "suitability.rules." + name();
        }

        public static Rules on(LocalDate offerDate) {
            return offerDate.isBefore(DM_2018_FROM) ? L92_2012 : DM_2018;
        }
    }

    /** How the offer relates to the worker's profile, in the DM's terms (the classification of the economic-professional sectors). */
    public enum Coherence {
        /** The area or areas of activity agreed in the pact, in the work process of the sector identified. */
        PACT_AREA,
        /** Other processes or areas of activity of the same sector, with professional continuity. */
        SAME_SECTOR,
        /** Activities of other sectors, with professional continuity. */
        OTHER_SECTOR,
        /** Unrelated to the worker's experience and skills. */
        NONE;

        public String labelKey() {
            return "suitability.coherence." + name();
        }
    }

    /** The outcome of one criterion. */
    public enum Result {
        MET,
        NOT_MET,
        UNKNOWN,
        NOT_APPLICABLE;

        public String labelKey() {
            return "suitability.result." + name();
        }
    }

    /** The criteria, in the order the page shows them. */
    public enum Criterion {
        COHERENCE,
        DISTANCE,
        CONTRACT,
        HOURS,
        PAY;

        public String labelKey() {
            return "suitability.criterion." + name();
        }
    }

    /** What the offer and the worker's situation are; a null value is an unknown fact. */
    public record Facts(LocalDate unemployedSince, LocalDate offerDate, Coherence coherence, BigDecimal distanceKm,
            Integer travelMinutes, Boolean permanent, Integer durationMonths, BigDecimal offeredWeeklyHours,
            BigDecimal lastWeeklyHours, BigDecimal offeredMonthlyPay, BigDecimal workerContributions,
            BigDecimal collectiveMinimum, BigDecimal lastMonthlyBenefit) {
    }

    /**
     * The thresholds in force on the offer's date (parameters {@code SUITABLE_*}): distance within
     * {@code nearKm}/{@code nearMinutes} up to 12 months, then the far ones; the pay above the
     * benefit, the shortest contract and the share of the last contract's hours.
     */
    public record Limits(int nearKm, int nearMinutes, int farKm, int farMinutes, int payAbovePercent,
            int minContractMonths, int minHoursPercent) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SuitableOffer() {
    }

    public static boolean inFirstSixMonths(LocalDate since, LocalDate offer) {
        return offer.isBefore(since.plusMonths(6));
    }

    public static boolean withinTwelveMonths(LocalDate since, LocalDate offer) {
        return !offer.isAfter(since.plusMonths(12));
    }

    /** Every criterion judged on the rules in force on the offer's date. */
    public static Map<Criterion, Result> evaluate(Facts f, Limits limits) {
        Rules rules = Rules.on(f.offerDate());
        Map<Criterion, Result> results = new LinkedHashMap<>();
        if (rules == Rules.L92_2012) {
            results.put(Criterion.COHERENCE, Result.NOT_APPLICABLE);
            results.put(Criterion.DISTANCE, distance(f, limits.nearKm(), limits.nearMinutes()));
            results.put(Criterion.CONTRACT, Result.NOT_APPLICABLE);
            results.put(Criterion.HOURS, Result.NOT_APPLICABLE);
            results.put(Criterion.PAY, payAboveGrossBenefit(f, limits));
            return results;
        }
        boolean near = f.unemployedSince() != null && withinTwelveMonths(f.unemployedSince(), f.offerDate());
        results.put(Criterion.COHERENCE, coherence(f));
        results.put(Criterion.DISTANCE, f.unemployedSince() == null ? Result.UNKNOWN
                : distance(f, near ? limits.nearKm() : limits.farKm(), near ? limits.nearMinutes() : limits.farMinutes()));
        results.put(Criterion.CONTRACT, contract(f, limits));
        results.put(Criterion.HOURS, hours(f, limits));
        results.put(Criterion.PAY, pay(f, limits));
        return results;
    }

    /** Suitable when every criterion that applies is met; not suitable when one is not; unknown otherwise. */
    public static Result overall(Map<Criterion, Result> results) {
        if (results.containsValue(Result.NOT_MET)) {
            return Result.NOT_MET;
        }
        return results.containsValue(Result.UNKNOWN) ? Result.UNKNOWN : Result.MET;
    }

    private static Result coherence(Facts f) {
        if (f.unemployedSince() == null || f.coherence() == null) {
            return Result.UNKNOWN;
        }
        if (f.coherence() == Coherence.NONE) {
            return Result.NOT_MET;
        }
        if (inFirstSixMonths(f.unemployedSince(), f.offerDate())) {
            return f.coherence() == Coherence.PACT_AREA ? Result.MET : Result.NOT_MET;
        }
        if (withinTwelveMonths(f.unemployedSince(), f.offerDate())) {
            return f.coherence() == Coherence.OTHER_SECTOR ? Result.NOT_MET : Result.MET;
        }
        return Result.MET;
    }

    private static Result distance(Facts f, int km, int minutes) {
        if (f.distanceKm() == null && f.travelMinutes() == null) {
            return Result.UNKNOWN;
        }
        boolean byKm = f.distanceKm() != null && f.distanceKm().compareTo(BigDecimal.valueOf(km)) <= 0;
        boolean byTime = f.travelMinutes() != null && f.travelMinutes() <= minutes;
        return byKm || byTime ? Result.MET : Result.NOT_MET;
    }

    private static Result contract(Facts f, Limits l) {
        if (f.permanent() == null) {
            return Result.UNKNOWN;
        }
        if (f.permanent()) {
            return Result.MET;
        }
        return f.durationMonths() == null ? Result.UNKNOWN
                : f.durationMonths() >= l.minContractMonths() ? Result.MET : Result.NOT_MET;
    }

    private static Result hours(Facts f, Limits l) {
        if (f.offeredWeeklyHours() == null || f.lastWeeklyHours() == null || f.lastWeeklyHours().signum() <= 0) {
            return Result.UNKNOWN;
        }
        BigDecimal share = f.offeredWeeklyHours().multiply(HUNDRED).divide(f.lastWeeklyHours(), 4, RoundingMode.HALF_UP);
        return share.compareTo(BigDecimal.valueOf(l.minHoursPercent())) >= 0 ? Result.MET : Result.NOT_MET;
    }

    /** DM: at least the collective minimum and, net of the worker's contributions, above the benefit by the percentage. */
    private static Result pay(Facts f, Limits l) {
        if (f.offeredMonthlyPay() == null) {
            return Result.UNKNOWN;
        }
        if (f.collectiveMinimum() != null && f.offeredMonthlyPay().compareTo(f.collectiveMinimum()) < 0) {
            return Result.NOT_MET;
        }
        if (f.lastMonthlyBenefit() != null) {
            // the net pay is never above the gross: a gross under the threshold fails whatever the contributions
            BigDecimal net = f.workerContributions() == null ? f.offeredMonthlyPay()
                    : f.offeredMonthlyPay().subtract(f.workerContributions());
            if (net.compareTo(threshold(f, l)) < 0) {
                return Result.NOT_MET;
            }
        }
        return f.collectiveMinimum() == null || f.lastMonthlyBenefit() == null || f.workerContributions() == null
                ? Result.UNKNOWN : Result.MET;
    }

    /** L. 92/2012: a pay level at least the percentage above the gross benefit. */
    private static Result payAboveGrossBenefit(Facts f, Limits l) {
        if (f.offeredMonthlyPay() == null || f.lastMonthlyBenefit() == null) {
            return Result.UNKNOWN;
        }
        return f.offeredMonthlyPay().compareTo(threshold(f, l)) >= 0 ? Result.MET : Result.NOT_MET;
    }

    private static BigDecimal threshold(Facts f, Limits l) {
        return f.lastMonthlyBenefit().multiply(HUNDRED.add(BigDecimal.valueOf(l.payAbovePercent())))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
