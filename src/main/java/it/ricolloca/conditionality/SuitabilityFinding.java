package it.ricolloca.conditionality;

import it.ricolloca.conditionality.SuitableOffer.Coherence;
import it.ricolloca.conditionality.SuitableOffer.Criterion;
import it.ricolloca.conditionality.SuitableOffer.Facts;
import it.ricolloca.conditionality.SuitableOffer.Limits;
import it.ricolloca.conditionality.SuitableOffer.Result;
import it.ricolloca.conditionality.SuitableOffer.Rules;
import it.ricolloca.shared.web.Dates;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The saved finding on the offer a refusal breach is about (*verifica di congruità*): the offer
 * (its date, the vacancy of the board or a description), the facts typed in, the thresholds in
 * force on the offer's date, the rules applied and each criterion's verdict. A finding never
 * changes; a new check adds a new finding and the latest one counts.
 */
@Entity
@Table(name = "conditionality_suitability_finding")
public class SuitabilityFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "breach_id")
    private long breachId;

    @Column(name = "offer_date")
    private LocalDate offerDate;

    @Column(name = "vacancy_id")
    private Long vacancyId;

    @Column(name = "offer_description")
    private String offerDescription;

    @Enumerated(EnumType.STRING)
    private Rules rules;

    @Column(name = "unemployed_since")
    private LocalDate unemployedSince;

    @Enumerated(EnumType.STRING)
    private Coherence coherence;

    @Column(name = "distance_km")
    private BigDecimal distanceKm;

    @Column(name = "travel_minutes")
    private Integer travelMinutes;

    private Boolean permanent;

    @Column(name = "duration_months")
    private Integer durationMonths;

    @Column(name = "offered_hours")
    private BigDecimal offeredHours;

    @Column(name = "last_hours")
    private BigDecimal lastHours;

    @Column(name = "offered_pay")
    private BigDecimal offeredPay;

    @Column(name = "worker_contributions")
    private BigDecimal workerContributions;

    @Column(name = "collective_minimum")
    private BigDecimal collectiveMinimum;

    private BigDecimal benefit;

    @Column(name = "near_km")
    private int nearKm;

    @Column(name = "near_minutes")
    private int nearMinutes;

    @Column(name = "far_km")
    private int farKm;

    @Column(name = "far_minutes")
    private int farMinutes;

    @Column(name = "pay_above_percent")
    private int payAbovePercent;

    @Column(name = "min_contract_months")
    private int minContractMonths;

    @Column(name = "min_hours_percent")
    private int minHoursPercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "coherence_result")
    private Result coherenceResult;

    @Enumerated(EnumType.STRING)
    @Column(name = "distance_result")
    private Result distanceResult;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_result")
    private Result contractResult;

    @Enumerated(EnumType.STRING)
    @Column(name = "hours_result")
    private Result hoursResult;

    @Enumerated(EnumType.STRING)
    @Column(name = "pay_result")
    private Result payResult;

    @Enumerated(EnumType.STRING)
    private Result overall;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected SuitabilityFinding() {
    }

    /**
     * Judges the offer a refusal breach is about and keeps the finding. The offer needs its date
     * (not after the refusal) and a reference: the vacancy of the board or a description.
     */
    static SuitabilityFinding judge(Breach breach, Facts facts, Limits limits, Long vacancyId, String description,
            String by, Instant now) {
        if (breach.getKind() != BreachKind.REFUSED_OFFER) {
            throw new ConditionalityRefusedException("suitability.finding.notARefusal");
        }
        if (breach.getStatus() != BreachStatus.REPORTED) {
            throw new ConditionalityRefusedException("conditionality.decided");
        }
        if (facts.offerDate() == null || facts.offerDate().isAfter(breach.getOccurredOn())) {
            throw new ConditionalityRefusedException("suitability.finding.offerDate",
                    Dates.format(breach.getOccurredOn()));
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (vacancyId == null && text == null) {
            throw new ConditionalityRefusedException("suitability.finding.offerReference");
        }
        if (text != null && text.length() > 1000) {
            throw new ConditionalityRefusedException("conditionality.text.tooLong");
        }
        Map<Criterion, Result> results = SuitableOffer.evaluate(facts, limits);
        SuitabilityFinding f = new SuitabilityFinding();
        f.breachId = breach.getId();
        f.offerDate = facts.offerDate();
        f.vacancyId = vacancyId;
        f.offerDescription = text;
        f.rules = Rules.on(facts.offerDate());
        f.unemployedSince = facts.unemployedSince();
        f.coherence = facts.coherence();
        f.distanceKm = facts.distanceKm();
        f.travelMinutes = facts.travelMinutes();
        f.permanent = facts.permanent();
        f.durationMonths = facts.durationMonths();
        f.offeredHours = facts.offeredWeeklyHours();
        f.lastHours = facts.lastWeeklyHours();
        f.offeredPay = facts.offeredMonthlyPay();
        f.workerContributions = facts.workerContributions();
        f.collectiveMinimum = facts.collectiveMinimum();
        f.benefit = facts.lastMonthlyBenefit();
        f.nearKm = limits.nearKm();
        f.nearMinutes = limits.nearMinutes();
        f.farKm = limits.farKm();
        f.farMinutes = limits.farMinutes();
        f.payAbovePercent = limits.payAbovePercent();
        f.minContractMonths = limits.minContractMonths();
        f.minHoursPercent = limits.minHoursPercent();
        f.coherenceResult = results.get(Criterion.COHERENCE);
        f.distanceResult = results.get(Criterion.DISTANCE);
        f.contractResult = results.get(Criterion.CONTRACT);
        f.hoursResult = results.get(Criterion.HOURS);
        f.payResult = results.get(Criterion.PAY);
        f.overall = SuitableOffer.overall(results);
        f.recordedBy = by;
        f.recordedAt = now;
        return f;
    }

    /** Whether the finding says the offer was suitable. */
    public boolean suitable() {
        return overall == Result.MET;
    }

    /** Each criterion's verdict, in the page's order. */
    public Map<Criterion, Result> results() {
        Map<Criterion, Result> r = new LinkedHashMap<>();
        r.put(Criterion.COHERENCE, coherenceResult);
        r.put(Criterion.DISTANCE, distanceResult);
        r.put(Criterion.CONTRACT, contractResult);
        r.put(Criterion.HOURS, hoursResult);
        r.put(Criterion.PAY, payResult);
        return r;
    }

    public Facts facts() {
        return new Facts(unemployedSince, offerDate, coherence, distanceKm, travelMinutes, permanent, durationMonths,
                offeredHours, lastHours, offeredPay, workerContributions, collectiveMinimum, benefit);
    }

    public Limits limits() {
        return new Limits(nearKm, nearMinutes, farKm, farMinutes, payAbovePercent, minContractMonths, minHoursPercent);
    }

    public Long getId() {
        return id;
    }

    public long getBreachId() {
        return breachId;
    }

    public LocalDate getOfferDate() {
        return offerDate;
    }

    public Long getVacancyId() {
        return vacancyId;
    }

    public String getOfferDescription() {
        return offerDescription;
    }

    public Rules getRules() {
        return rules;
    }

    public Result getOverall() {
        return overall;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
