package it.ricolloca.conditionality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a job offer is suitable (*offerta congrua*, DM 10 aprile 2018) for a worker, criterion
 * by criterion, from facts typed in: each criterion is met, not met, or unknown when a fact is
 * missing. The periods count from the start of unemployment: the first 6 months (experience
 * required) and up to 12 months (the nearer distance and travel time).
 */
public final class SuitableOffer {

    /** The outcome of one criterion. */
    public enum Result {
        MET,
        NOT_MET,
        UNKNOWN;

        public String labelKey() {
            return "suitability.result." + name();
        }
    }

    /** The criteria of the decree, in the order the page shows them. */
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
    public record Facts(LocalDate unemployedSince, LocalDate offerDate, Boolean coherentWithExperience,
            Boolean coherentWithSkills, BigDecimal distanceKm, Integer travelMinutes, Boolean permanent,
            Integer durationMonths, BigDecimal offeredWeeklyHours, BigDecimal lastWeeklyHours,
            BigDecimal offeredMonthlyPay, BigDecimal collectiveMinimum, BigDecimal lastMonthlyBenefit) {
    }

    /** The distance limits in force: within {@code nearKm}/{@code nearMinutes} up to 12 months, then the far ones. */
    public record Limits(int nearKm, int nearMinutes, int farKm, int farMinutes) {
    }

    private static final BigDecimal FULL_TIME_SHARE = new BigDecimal("0.80");
    private static final BigDecimal ABOVE_BENEFIT = new BigDecimal("1.20");

    private SuitableOffer() {
    }

    public static boolean inFirstSixMonths(LocalDate since, LocalDate offer) {
        return offer.isBefore(since.plusMonths(6));
    }

    public static boolean withinTwelveMonths(LocalDate since, LocalDate offer) {
        return !offer.isAfter(since.plusMonths(12));
    }

    public static Map<Criterion, Result> evaluate(Facts f, Limits limits) {
        Map<Criterion, Result> results = new LinkedHashMap<>();
        results.put(Criterion.COHERENCE, coherence(f));
        results.put(Criterion.DISTANCE, distance(f, limits));
        results.put(Criterion.CONTRACT, contract(f));
        results.put(Criterion.HOURS, hours(f));
        results.put(Criterion.PAY, pay(f));
        return results;
    }

    /** Suitable when every criterion is met; not suitable when one is not; unknown otherwise. */
    public static Result overall(Map<Criterion, Result> results) {
        if (results.containsValue(Result.NOT_MET)) {
            return Result.NOT_MET;
        }
        return results.containsValue(Result.UNKNOWN) ? Result.UNKNOWN : Result.MET;
    }

    private static Result coherence(Facts f) {
        if (f.unemployedSince() == null || f.offerDate() == null) {
            return Result.UNKNOWN;
        }
        if (inFirstSixMonths(f.unemployedSince(), f.offerDate())) {
            return of(f.coherentWithExperience());
        }
        if (Boolean.TRUE.equals(f.coherentWithExperience()) || Boolean.TRUE.equals(f.coherentWithSkills())) {
            return Result.MET;
        }
        return f.coherentWithSkills() == null || f.coherentWithExperience() == null ? Result.UNKNOWN : Result.NOT_MET;
    }

    private static Result distance(Facts f, Limits l) {
        if (f.unemployedSince() == null || f.offerDate() == null
                || (f.distanceKm() == null && f.travelMinutes() == null)) {
            return Result.UNKNOWN;
        }
        boolean near = withinTwelveMonths(f.unemployedSince(), f.offerDate());
        int km = near ? l.nearKm() : l.farKm();
        int minutes = near ? l.nearMinutes() : l.farMinutes();
        boolean byKm = f.distanceKm() != null && f.distanceKm().compareTo(BigDecimal.valueOf(km)) <= 0;
        boolean byTime = f.travelMinutes() != null && f.travelMinutes() <= minutes;
        if (byKm || byTime) {
            return Result.MET;
        }
        return Result.NOT_MET;
    }

    private static Result contract(Facts f) {
        if (f.permanent() == null) {
            return Result.UNKNOWN;
        }
        if (f.permanent()) {
            return Result.MET;
        }
        return f.durationMonths() == null ? Result.UNKNOWN : f.durationMonths() >= 3 ? Result.MET : Result.NOT_MET;
    }

    private static Result hours(Facts f) {
        if (f.offeredWeeklyHours() == null || f.lastWeeklyHours() == null || f.lastWeeklyHours().signum() <= 0) {
            return Result.UNKNOWN;
        }
        BigDecimal share = f.offeredWeeklyHours().divide(f.lastWeeklyHours(), 4, RoundingMode.HALF_UP);
        return share.compareTo(FULL_TIME_SHARE) >= 0 ? Result.MET : Result.NOT_MET;
    }

    private static Result pay(Facts f) {
        if (f.offeredMonthlyPay() == null) {
            return Result.UNKNOWN;
        }
        if (f.collectiveMinimum() != null && f.offeredMonthlyPay().compareTo(f.collectiveMinimum()) < 0) {
            return Result.NOT_MET;
        }
        if (f.lastMonthlyBenefit() != null
                && f.offeredMonthlyPay().compareTo(f.lastMonthlyBenefit().multiply(ABOVE_BENEFIT)) < 0) {
            return Result.NOT_MET;
        }
        return f.collectiveMinimum() == null || f.lastMonthlyBenefit() == null ? Result.UNKNOWN : Result.MET;
    }

    private static Result of(Boolean fact) {
        return fact == null ? Result.UNKNOWN : fact ? Result.MET : Result.NOT_MET;
    }
}
