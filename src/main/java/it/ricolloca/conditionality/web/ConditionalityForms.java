package it.ricolloca.conditionality.web;

import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Sanction;
import it.ricolloca.conditionality.SuitableOffer;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of conditionality; those acting on a breach carry the version they were read at, to detect a stale form. */
public final class ConditionalityForms {

    private ConditionalityForms() {
    }

    /** A private provider's report, entered by the competent CPI: whose, by whom, what and when, and the evidence. */
    public record ReportForm(@NotBlank @Size(max = 16) String taxCode, @NotBlank @Size(max = 200) String provider,
            @NotNull BreachKind kind, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
            @NotBlank @Size(max = 4000) String evidence) {

        static ReportForm empty(LocalDate today) {
            return new ReportForm("", "", null, today, "");
        }
    }

    /** The worker's justification, as received. */
    public record JustificationForm(@NotBlank @Size(max = 4000) String text,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn, Long version) {

        static JustificationForm empty(LocalDate today, long version) {
            return new JustificationForm("", today, version);
        }
    }

    /**
     * What the decision does: accept the justification, apply a sanction, or close without sanction
     * because decadenza was already decided for the worker.
     */
    public enum DecisionOutcome {
        SANCTION,
        ACCEPT,
        CLOSE;

        /**
         * Whether the page offers this outcome: a sanction when one is proposed, the acceptance when
         * a justification arrived, the closing when decadenza was already decided.
         */
        public boolean offered(boolean sanctionProposed, boolean justified, boolean afterDecadenza) {
            return switch (this) {
                case SANCTION -> sanctionProposed;
                case ACCEPT -> justified;
                case CLOSE -> afterDecadenza;
            };
        }

        public String labelKey() {
            return "conditionality.decision." + name().toLowerCase();
        }
    }

    /** The decision, with the sanction chosen (required to sanction) and the reason. */
    public record DecisionForm(@NotNull DecisionOutcome outcome, Sanction sanction, @Size(max = 4000) String reason,
            Long version) {

        static DecisionForm empty(Sanction proposal, long version) {
            return new DecisionForm(DecisionOutcome.SANCTION, proposal, "", version);
        }
    }

    /** A yes/no fact that may be unknown (left empty). */
    public enum Answer {
        YES,
        NO;

        public String labelKey() {
            return "suitability." + name().toLowerCase();
        }

        static Boolean of(Answer answer) {
            return answer == null ? null : answer == YES;
        }
    }

    /**
     * The facts of an offer, each optional (unknown when empty); numbers written the Italian way.
     * Saved as a finding on a refusal breach, the offer also needs its date and a reference: the
     * vacancy of the board or a description.
     */
    public record SuitabilityForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate unemployedSince,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate offerDate, SuitableOffer.Coherence coherence,
            Answer permanent, @DecimalMin("0") @DecimalMax("1200") @Digits(integer = 4, fraction = 0) BigDecimal durationMonths,
            @DecimalMin("0") @DecimalMax("100000") BigDecimal distanceKm,
            @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 0) BigDecimal travelMinutes,
            @DecimalMin("0") @DecimalMax("168") BigDecimal offeredHours,
            @DecimalMin("0") @DecimalMax("168") BigDecimal lastHours,
            @DecimalMin("0") @DecimalMax("1000000") BigDecimal offeredPay,
            @DecimalMin("0") @DecimalMax("1000000") BigDecimal workerContributions,
            @DecimalMin("0") @DecimalMax("1000000") BigDecimal collectiveMinimum,
            @DecimalMin("0") @DecimalMax("1000000") BigDecimal benefit,
            @Min(1) Long vacancyId, @Size(max = 1000) String offerDescription,
            @Size(max = 100) String homeMunicipality, @Size(max = 100) String offerMunicipality) {

        static final SuitabilityForm EMPTY = new SuitabilityForm(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "", null, null);

        /** The same facts with distance and time filled where they were empty (an estimate the page says is one). */
        SuitabilityForm withEstimate(BigDecimal km, int minutes) {
            return new SuitabilityForm(unemployedSince, offerDate, coherence, permanent, durationMonths,
                    distanceKm == null ? km : distanceKm, travelMinutes == null ? BigDecimal.valueOf(minutes) : travelMinutes,
                    offeredHours, lastHours, offeredPay, workerContributions, collectiveMinimum, benefit, vacancyId,
                    offerDescription, homeMunicipality, offerMunicipality);
        }

        boolean namesBothMunicipalities() {
            return homeMunicipality != null && !homeMunicipality.isBlank() && offerMunicipality != null
                    && !offerMunicipality.isBlank();
        }

        SuitableOffer.Facts facts(LocalDate offer) {
            return new SuitableOffer.Facts(unemployedSince, offer, coherence, distanceKm, whole(travelMinutes),
                    Answer.of(permanent), whole(durationMonths), offeredHours, lastHours, offeredPay, workerContributions,
                    collectiveMinimum, benefit);
        }

        /** A number by its field name, for the page. */
        public BigDecimal number(String field) {
            return switch (field) {
                case "durationMonths" -> durationMonths;
                case "distanceKm" -> distanceKm;
                case "travelMinutes" -> travelMinutes;
                case "offeredHours" -> offeredHours;
                case "lastHours" -> lastHours;
                case "offeredPay" -> offeredPay;
                case "workerContributions" -> workerContributions;
                case "collectiveMinimum" -> collectiveMinimum;
                default -> benefit;
            };
        }

        private static Integer whole(BigDecimal n) {
            return n == null ? null : n.intValue();
        }
    }
}
