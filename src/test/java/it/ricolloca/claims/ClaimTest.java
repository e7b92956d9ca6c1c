package it.ricolloca.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.claims.internal.ClaimWork.OfficeCap;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.PathwayOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of a claim as plain unit tests (no Spring context): what it keeps from the closing and
 * the tariff, the profiling index's limits, what stops the review, the payment at most the amount
 * claimed, decision dates between the submission and today, each act from its own status only; and
 * the office's Fee4Service cap on both sides. {@link ClaimWorkflowTest} runs the same acts through
 * the application.
 */
class ClaimTest {

    static final LocalDate CLOSED = LocalDate.of(2026, 6, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 7, 1);
    static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");
    static final Claim.Closing HIRED = new Claim.Closing(11, 12, 13, 14, PathwayOutcome.HIRED, CLOSED,
            ContractType.FIXED_TERM, 8, "operatore", AT);
    static final Tariffs.Success SIX_MONTHS = new Tariffs.Success(TariffBand.FIXED_6_MONTHS, new BigDecimal("500.00"),
            new BigDecimal("2500.00"), new BigDecimal("1700.00"));
    static final Tariffs.FeeForService THREE_HOURS = new Tariffs.FeeForService(new BigDecimal("4"),
            new BigDecimal("3.00"), 3, new BigDecimal("35.50"), new BigDecimal("106.50"));

    static Claim success() {
        return Claim.success(HIRED, CLOSED, new BigDecimal("0.8"), SIX_MONTHS, "spiegazione");
    }

    static Claim fee() {
        return Claim.feeForService(HIRED, CLOSED, THREE_HOURS, 21L, 22L, null);
    }

    static Claim submitted() {
        Claim c = success();
        c.review("operatore", CLOSED);
        c.submit("master", CLOSED.plusDays(1));
        return c;
    }

    @Test
    void aSuccessClaimKeepsTheClosingAndTheTariff() {
        Claim c = success();
        assertThat(c.getId()).isNull();
        assertThat(c.getPathwayId()).isEqualTo(11);
        assertThat(c.getWorkerId()).isEqualTo(12);
        assertThat(c.getCentreId()).isEqualTo(13);
        assertThat(c.getOfficeId()).isEqualTo(14);
        assertThat(c.getOutcome()).isEqualTo(PathwayOutcome.HIRED);
        assertThat(c.getClosedOn()).isEqualTo(CLOSED);
        assertThat(c.getContract()).isEqualTo(ContractType.FIXED_TERM);
        assertThat(c.getDurationMonths()).isEqualTo(8);
        assertThat(c.getPreparedBy()).isEqualTo("operatore");
        assertThat(c.getPreparedAt()).isEqualTo(AT);
        assertThat(c.getKind()).isEqualTo(ClaimKind.SUCCESS);
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.PREPARED);
        assertThat(c.getTariffDate()).isEqualTo(CLOSED);
        assertThat(c.getExplanation()).isEqualTo("spiegazione");
        assertThat(c.getProfilingIndex()).isEqualByComparingTo("0.8");
        assertThat(c.getBand()).isEqualTo(TariffBand.FIXED_6_MONTHS);
        assertThat(c.getMinimumAmount()).isEqualByComparingTo("500");
        assertThat(c.getMaximumAmount()).isEqualByComparingTo("2500");
        assertThat(c.getAmount()).isEqualByComparingTo("1700");
        assertThat(c.getVersion()).isZero();
        org.springframework.test.util.ReflectionTestUtils.setField(c, "version", 7L);
        assertThat(c.getVersion()).as("the version a form carries back").isEqualTo(7);
        assertThat(c.missing()).isEmpty();
    }

    @Test
    void aFeeForServiceClaimKeepsItsHoursRateAndAttachments() {
        Claim c = fee();
        assertThat(c.getKind()).isEqualTo(ClaimKind.FEE_FOR_SERVICE);
        assertThat(c.getServiceHours()).isEqualByComparingTo("4");
        assertThat(c.getClaimedHours()).isEqualByComparingTo("3");
        assertThat(c.getHourlyRate()).isEqualByComparingTo("35.50");
        assertThat(c.getAmount()).isEqualByComparingTo("106.50");
        assertThat(c.getTimesheetDocumentId()).isEqualTo(21L);
        assertThat(c.getPactDocumentId()).isEqualTo(22L);
        assertThat(c.getExplanation()).isNull();
        assertThat(c.missing()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: ok {1}")
    @CsvSource({"0, true", "1, true", "0.5, true", "0.1234, true", "0.12340, true", "0.12345, false", "-0.0001, false",
        "1.0001, false", "1.00000, true"})
    void aProfilingIndexIsFromZeroToOneWithAtMostFourDecimals(BigDecimal index, boolean valid) {
        if (valid) {
            assertThat(Claim.requireProfilingIndex(index)).isSameAs(index);
        } else {
            assertThatThrownBy(() -> Claim.requireProfilingIndex(index)).hasMessage("claim.profiling.invalid");
        }
        assertThatThrownBy(() -> Claim.requireProfilingIndex(null)).hasMessage("claim.profiling.invalid");
    }

    @Test
    void theProfilingIsRecordedOnAPreparedSuccessClaimOnly() {
        Claim c = Claim.success(HIRED, CLOSED, null, new Tariffs.Success(TariffBand.FIXED_6_MONTHS,
                new BigDecimal("500.00"), new BigDecimal("2500.00"), null), null);
        assertThat(c.missing()).containsExactly("claim.missing.profiling");
        assertThatThrownBy(() -> c.review("op", CLOSED)).hasMessage("claim.missing.profiling");
        c.recordProfiling(new BigDecimal("0.9"), new Tariffs.Success(TariffBand.FIXED_6_MONTHS, new BigDecimal("600.00"),
                new BigDecimal("2600.00"), new BigDecimal("2200.00")));
        assertThat(c.getProfilingIndex()).isEqualByComparingTo("0.9");
        assertThat(c.getMinimumAmount()).isEqualByComparingTo("600");
        assertThat(c.getMaximumAmount()).isEqualByComparingTo("2600");
        assertThat(c.getAmount()).isEqualByComparingTo("2200");
        assertThat(c.missing()).isEmpty();
        assertThatThrownBy(() -> c.recordProfiling(new BigDecimal("2"), SIX_MONTHS)).hasMessage("claim.profiling.invalid");

        Claim indexWithoutAmount = Claim.success(HIRED, CLOSED, new BigDecimal("0.7"), new Tariffs.Success(
                TariffBand.PERMANENT, BigDecimal.ONE, BigDecimal.TEN, null), null);
        assertThat(indexWithoutAmount.missing()).containsExactly("claim.missing.profiling");

        assertThatThrownBy(() -> fee().recordProfiling(new BigDecimal("0.9"), SIX_MONTHS))
                .hasMessage("claim.profiling.notSuccess");
        Claim reviewed = success();
        reviewed.review("op", CLOSED);
        assertThatThrownBy(() -> reviewed.recordProfiling(new BigDecimal("0.9"), SIX_MONTHS))
                .hasMessage("claim.status.wrong.PREPARED");
    }

    @Test
    void aFeeForServiceClaimNeedsHoursTheTimesheetAndThePactBeforeItsReview() {
        Claim bare = Claim.feeForService(HIRED, CLOSED, new Tariffs.FeeForService(BigDecimal.ZERO,
                new BigDecimal("0.00"), 3, new BigDecimal("35.50"), new BigDecimal("0.00")), null, null, null);
        assertThat(bare.missing()).containsExactly("claim.missing.hours", "claim.missing.timesheet", "claim.missing.pact");
        assertThatThrownBy(() -> bare.review("op", CLOSED)).hasMessage("claim.missing.hours");
        Claim noHours = Claim.feeForService(HIRED, CLOSED, new Tariffs.FeeForService(null, null, 3,
                new BigDecimal("35.50"), null), 1L, 2L, null);
        assertThat(noHours.missing()).containsExactly("claim.missing.hours");
        Claim aCent = Claim.feeForService(HIRED, CLOSED, new Tariffs.FeeForService(new BigDecimal("0.01"),
                new BigDecimal("0.01"), 3, new BigDecimal("35.50"), new BigDecimal("0.36")), null, null, null);
        assertThat(aCent.missing()).containsExactly("claim.missing.timesheet", "claim.missing.pact");
        aCent.attach(31L, null);
        assertThat(aCent.getTimesheetDocumentId()).isEqualTo(31L);
        assertThat(aCent.missing()).containsExactly("claim.missing.pact");
        aCent.attach(null, 32L);
        assertThat(aCent.getTimesheetDocumentId()).as("kept when not given again").isEqualTo(31L);
        assertThat(aCent.getPactDocumentId()).isEqualTo(32L);
        aCent.attach(null, null);
        assertThat(aCent.getPactDocumentId()).isEqualTo(32L);
        aCent.review("operatore", CLOSED.plusDays(2));
        assertThat(aCent.getStatus()).isEqualTo(ClaimStatus.REVIEWED);
        assertThat(aCent.getReviewedBy()).isEqualTo("operatore");
        assertThat(aCent.getReviewedOn()).isEqualTo(CLOSED.plusDays(2));
        assertThatThrownBy(() -> aCent.attach(1L, 2L)).hasMessage("claim.status.wrong.PREPARED");
    }

    @Test
    void eachActFromItsOwnStatusOnly() {
        Claim c = success();
        assertThatThrownBy(() -> c.submit("master", CLOSED)).hasMessage("claim.status.wrong.REVIEWED");
        assertThatThrownBy(() -> c.recordPayment(BigDecimal.TEN, CLOSED, "master", TODAY))
                .hasMessage("claim.status.wrong.SUBMITTED");
        assertThatThrownBy(() -> c.recordRefusal("no", CLOSED, "master", TODAY)).hasMessage("claim.status.wrong.SUBMITTED");
        c.review("operatore", CLOSED);
        assertThatThrownBy(() -> c.review("operatore", CLOSED)).hasMessage("claim.status.wrong.PREPARED");
        c.submit("master", CLOSED.plusDays(1));
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(c.getSubmittedBy()).isEqualTo("master");
        assertThat(c.getSubmittedOn()).isEqualTo(CLOSED.plusDays(1));
        assertThatThrownBy(() -> c.submit("master", CLOSED)).hasMessage("claim.status.wrong.REVIEWED");
    }

    @Test
    void thePaymentIsAtMostTheAmountClaimedInCentsDatedBetweenSubmissionAndToday() {
        Claim c = submitted();
        for (String wrong : new String[] {"0", "-1", "1700.01", "10.001"}) {
            assertThatThrownBy(() -> c.recordPayment(new BigDecimal(wrong), TODAY, "master", TODAY)).as(wrong)
                    .isInstanceOf(ClaimRefusedException.class).hasMessage("claim.payment.amount");
        }
        assertThatThrownBy(() -> c.recordPayment(null, TODAY, "master", TODAY)).hasMessage("claim.payment.amount");
        assertThatThrownBy(() -> c.recordPayment(BigDecimal.TEN, TODAY.plusDays(1), "master", TODAY))
                .hasMessage("claim.decision.date");
        assertThatThrownBy(() -> c.recordPayment(BigDecimal.TEN, CLOSED, "master", TODAY))
                .as("the day before the submission").hasMessage("claim.decision.date");
        assertThatThrownBy(() -> c.recordPayment(BigDecimal.TEN, null, "master", TODAY)).hasMessage("claim.decision.date");
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        c.recordPayment(new BigDecimal("1700.00"), CLOSED.plusDays(1), "adr.regione", TODAY);
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.PAID);
        assertThat(c.getPaidAmount()).isEqualByComparingTo("1700");
        assertThat(c.getDecidedBy()).isEqualTo("adr.regione");
        assertThat(c.getDecidedOn()).isEqualTo(CLOSED.plusDays(1));

        Claim partly = submitted();
        partly.recordPayment(new BigDecimal("0.01"), TODAY, "master", TODAY);
        assertThat(partly.getPaidAmount()).isEqualByComparingTo("0.01");
        assertThat(partly.getDecidedOn()).isEqualTo(TODAY);
    }

    @Test
    void aRefusalNeedsItsReasonOfAtMostAThousandCharacters() {
        Claim c = submitted();
        assertThatThrownBy(() -> c.recordRefusal(null, TODAY, "master", TODAY)).hasMessage("claim.refusal.reason");
        assertThatThrownBy(() -> c.recordRefusal("  ", TODAY, "master", TODAY)).hasMessage("claim.refusal.reason");
        assertThatThrownBy(() -> c.recordRefusal("x".repeat(1001), TODAY, "master", TODAY))
                .hasMessage("claim.refusal.reason");
        assertThatThrownBy(() -> c.recordRefusal("motivo", TODAY.plusDays(1), "master", TODAY))
                .hasMessage("claim.decision.date");
        c.recordRefusal(" " + "x".repeat(998) + " ", TODAY, "master", TODAY);
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.REFUSED);
        assertThat(c.getRefusalReason()).hasSize(998);
        assertThat(c.getDecidedBy()).isEqualTo("master");
        assertThat(c.getDecidedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> c.recordPayment(BigDecimal.ONE, TODAY, "master", TODAY))
                .hasMessage("claim.status.wrong.SUBMITTED");
        Claim longest = submitted();
        longest.recordRefusal("y".repeat(1000), CLOSED.plusDays(1), "master", TODAY);
        assertThat(longest.getRefusalReason()).hasSize(1000);
    }

    @Test
    void theOfficeCapAllowsTheHoursOfItsSuccessesNoMore() {
        OfficeCap cap = OfficeCap.of(2, 9, new BigDecimal("15"));
        assertThat(cap.successes()).isEqualTo(2);
        assertThat(cap.hoursPerSuccess()).isEqualTo(9);
        assertThat(cap.allowedHours()).isEqualByComparingTo("18");
        assertThat(cap.claimedHours()).isEqualByComparingTo("15");
        assertThat(cap.remaining()).isEqualByComparingTo("3");
        assertThat(cap.admits(new BigDecimal("2.99"))).isTrue();
        assertThat(cap.admits(new BigDecimal("3"))).as("exactly up to the cap").isTrue();
        assertThat(cap.admits(new BigDecimal("3.01"))).isFalse();
        OfficeCap over = OfficeCap.of(1, 9, new BigDecimal("10"));
        assertThat(over.remaining()).as("never below zero").isEqualByComparingTo("0");
        assertThat(over.admits(new BigDecimal("0.01"))).isFalse();
        OfficeCap none = OfficeCap.of(0, 9, BigDecimal.ZERO);
        assertThat(none.allowedHours()).isEqualByComparingTo("0");
        assertThat(none.admits(new BigDecimal("0.01"))).as("no success, no hours").isFalse();
        assertThat(OfficeCap.of(3_000_000_000L, 9, BigDecimal.ZERO).allowedHours())
                .as("successes × hours counted in long").isEqualByComparingTo("27000000000");
    }
}
