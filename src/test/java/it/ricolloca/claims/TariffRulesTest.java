package it.ricolloca.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.support.ParameterValuesInMemory;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tariffs as plain rules, on parameters held in memory (no Spring context): every boundary of
 * the success fee's formula, of the bands and of the Fee4Service cap, on both sides, and a change of
 * tariff on its date. {@link TariffsTest} proves the same on the database's parameters.
 *
 * <p>Equivalent mutant: at an index of exactly 0.5 the formula gives the minimum too
 * ({@code m + 0 × 2 × (M − m)}), so {@code p <= 0.5} and {@code p < 0.5} choosing the minimum never differ.
 */
class TariffRulesTest {

    static final LocalDate ON = LocalDate.of(2026, 6, 1);
    static final BigDecimal MIN = new BigDecimal("1000");
    static final BigDecimal MAX = new BigDecimal("5000");

    final Tariffs tariffs = new Tariffs(ParameterValuesInMemory.defaults().history());

    @ParameterizedTest(name = "indice {0}: {1} €")
    @CsvSource({
        "0, 1000.00", "0.3, 1000.00", "0.4999, 1000.00", "0.5, 1000.00",
        // just above one half the formula starts: 1000 + 0.0001 × 2 × 4000
        "0.5001, 1000.80", "0.8, 3400.00", "0.9999, 4999.20", "1, 5000.00", "1.0000, 5000.00"})
    void theSuccessFeeIsTheMinimumUpToOneHalfThenTheFormula(BigDecimal profiling, BigDecimal expected) {
        BigDecimal amount = Tariffs.successAmount(MIN, MAX, profiling);
        assertThat(amount).isEqualByComparingTo(expected);
        assertThat(amount.scale()).as("rounded to the cent").isEqualTo(2);
    }

    @Test
    void theMinimumAloneIsAlsoRoundedToTheCent() {
        assertThat(Tariffs.successAmount(new BigDecimal("999.995"), MAX, new BigDecimal("0.2"))).isEqualTo("1000.00");
        assertThat(Tariffs.successAmount(new BigDecimal("1000"), new BigDecimal("1000.01"), new BigDecimal("0.75")))
                .as("1000 + 0.5 × 0.01, half a cent up").isEqualTo("1000.01");
    }

    @ParameterizedTest
    @CsvSource({"-0.0001", "-1", "1.0001", "2"})
    void aProfilingIndexOutsideZeroToOneIsRefused(BigDecimal profiling) {
        assertThatThrownBy(() -> Tariffs.successAmount(MIN, MAX, profiling)).isInstanceOf(ClaimRefusedException.class)
                .hasMessage("claim.profiling.invalid");
    }

    @Test
    void permanentAndApprenticeshipContractsAreInThePermanentBandWhateverTheirLength() {
        assertThat(tariffs.band(ContractType.PERMANENT, null, ON)).contains(TariffBand.PERMANENT);
        assertThat(tariffs.band(ContractType.PERMANENT, 1, ON)).contains(TariffBand.PERMANENT);
        assertThat(tariffs.band(ContractType.APPRENTICESHIP, null, ON)).contains(TariffBand.PERMANENT);
        assertThat(tariffs.band(ContractType.APPRENTICESHIP, 2, ON)).contains(TariffBand.PERMANENT);
        assertThat(tariffs.band(null, 12, ON)).as("no contract, no band").isEmpty();
    }

    @Test
    void otherContractsByTheirLengthSixMonthsOrMore() {
        for (ContractType c : new ContractType[] {ContractType.FIXED_TERM, ContractType.AGENCY, ContractType.PROBATION}) {
            assertThat(tariffs.band(c, null, ON)).as(c + " of unknown length").isEmpty();
            assertThat(tariffs.band(c, 6, ON)).as(c + " 6 months").contains(TariffBand.FIXED_6_MONTHS);
            assertThat(tariffs.band(c, 7, ON)).as(c + " 7 months").contains(TariffBand.FIXED_6_MONTHS);
            assertThat(tariffs.band(c, 5, ON)).as(c + " 5 months, 3-6 not allowed").isEmpty();
            assertThat(tariffs.band(c, 3, ON)).as(c + " 3 months, 3-6 not allowed").isEmpty();
        }
    }

    @Test
    void fromThreeToSixMonthsOnlyWhereTheRegionAllowsItFromItsDate() {
        LocalDate allowedFrom = LocalDate.of(2027, 1, 1);
        Tariffs south = new Tariffs(ParameterValuesInMemory.defaults()
                .change(Parameter.SUCCESS_FIXED_3_MONTHS_ALLOWED, "true", allowedFrom).history());
        assertThat(south.band(ContractType.FIXED_TERM, 3, allowedFrom.minusDays(1))).isEmpty();
        assertThat(south.band(ContractType.FIXED_TERM, 3, allowedFrom)).contains(TariffBand.FIXED_3_MONTHS);
        assertThat(south.band(ContractType.FIXED_TERM, 5, allowedFrom)).contains(TariffBand.FIXED_3_MONTHS);
        assertThat(south.band(ContractType.FIXED_TERM, 6, allowedFrom)).contains(TariffBand.FIXED_6_MONTHS);
        assertThat(south.band(ContractType.FIXED_TERM, 2, allowedFrom)).as("under 3 months: none").isEmpty();
        assertThat(south.band(ContractType.FIXED_TERM, null, allowedFrom)).isEmpty();
    }

    @Test
    void theSuccessKeepsItsBandMinimumAndMaximumAndHasNoAmountUntilTheIndexIsKnown() {
        Tariffs.Success known = tariffs.success(TariffBand.FIXED_6_MONTHS, new BigDecimal("0.8"), ON);
        assertThat(known.band()).isEqualTo(TariffBand.FIXED_6_MONTHS);
        assertThat(known.minimum()).isEqualByComparingTo("500");
        assertThat(known.maximum()).isEqualByComparingTo("2500");
        assertThat(known.amount()).isEqualByComparingTo("1700.00");
        Tariffs.Success unknown = tariffs.success(TariffBand.FIXED_3_MONTHS, null, ON);
        assertThat(unknown.minimum()).isEqualByComparingTo("250");
        assertThat(unknown.maximum()).isEqualByComparingTo("1250");
        assertThat(unknown.amount()).isNull();
    }

    @Test
    void theFeeForServiceIsPaidUpToTheHoursPerWorkerOnBothSidesOfTheCap() {
        Tariffs.FeeForService under = tariffs.feeForService(new BigDecimal("2.99"), ON);
        assertThat(under.claimedHours()).isEqualTo("2.99");
        assertThat(under.amount()).isEqualTo("106.15");
        Tariffs.FeeForService at = tariffs.feeForService(new BigDecimal("3"), ON);
        assertThat(at.serviceHours()).isEqualByComparingTo("3");
        assertThat(at.claimedHours()).isEqualTo("3.00");
        assertThat(at.maxHours()).isEqualTo(3);
        assertThat(at.hourlyRate()).isEqualByComparingTo("35.50");
        assertThat(at.amount()).isEqualTo("106.50");
        Tariffs.FeeForService over = tariffs.feeForService(new BigDecimal("3.01"), ON);
        assertThat(over.serviceHours()).isEqualByComparingTo("3.01");
        assertThat(over.claimedHours()).isEqualTo("3.00");
        assertThat(over.amount()).isEqualTo("106.50");
        Tariffs.FeeForService none = tariffs.feeForService(null, ON);
        assertThat(none.serviceHours()).isEqualByComparingTo("0");
        assertThat(none.claimedHours()).isEqualTo("0.00");
        assertThat(none.amount()).isEqualTo("0.00");
    }

    @Test
    void aTariffChangeAppliesFromItsDateOnly() {
        LocalDate from = LocalDate.of(2027, 3, 1);
        Tariffs changed = new Tariffs(ParameterValuesInMemory.defaults()
                .change(Parameter.FEE4SERVICE_HOURLY_EUR, "40.00", from)
                .change(Parameter.FEE4SERVICE_MAX_HOURS, "4", from)
                .change(Parameter.FEE4SERVICE_HOURS_PER_SUCCESS, "12", from)
                .change(Parameter.SUCCESS_PERMANENT_MIN_EUR, "1200.00", from).history());
        assertThat(changed.feeForService(new BigDecimal("5"), from.minusDays(1)).amount()).isEqualTo("106.50");
        assertThat(changed.feeForService(new BigDecimal("5"), from).amount()).as("4 hours at 40 €").isEqualTo("160.00");
        assertThat(changed.hoursPerSuccess(from.minusDays(1))).isEqualTo(9);
        assertThat(changed.hoursPerSuccess(from)).isEqualTo(12);
        // 1200 + 0.3 × 2 × (5000 − 1200)
        assertThat(changed.success(TariffBand.PERMANENT, new BigDecimal("0.8"), from).amount()).isEqualTo("3480.00");
        assertThat(changed.success(TariffBand.PERMANENT, new BigDecimal("0.8"), from.minusDays(1)).amount())
                .isEqualTo("3400.00");
    }

    @Test
    void eachBandHasItsLabelAndItsParameters() {
        assertThat(TariffBand.PERMANENT.labelKey()).isEqualTo("claim.band.PERMANENT");
        assertThat(TariffBand.FIXED_3_MONTHS.minimum()).isEqualTo(Parameter.SUCCESS_FIXED_3_MONTHS_MIN_EUR);
        assertThat(TariffBand.FIXED_3_MONTHS.maximum()).isEqualTo(Parameter.SUCCESS_FIXED_3_MONTHS_MAX_EUR);
    }
}
