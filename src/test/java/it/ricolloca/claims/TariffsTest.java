package it.ricolloca.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The success fee at the four profiling indexes of the issue for each band, the bands, the Fee4Service and a tariff change on a date. */
@IntegrationTest
class TariffsTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 1);

    @Autowired Tariffs tariffs;
    @Autowired Parameters parameters;

    @ParameterizedTest(name = "{0} con indice {1}: {2} €")
    @CsvSource({
        // m + (p − 0.5) × 2 × (M − m), below 0.5 the minimum
        "PERMANENT, 0.3, 1000.00", "PERMANENT, 0.5, 1000.00", "PERMANENT, 0.8, 3400.00", "PERMANENT, 1.0, 5000.00",
        "FIXED_6_MONTHS, 0.3, 500.00", "FIXED_6_MONTHS, 0.5, 500.00", "FIXED_6_MONTHS, 0.8, 1700.00",
        "FIXED_6_MONTHS, 1.0, 2500.00",
        "FIXED_3_MONTHS, 0.3, 250.00", "FIXED_3_MONTHS, 0.5, 250.00", "FIXED_3_MONTHS, 0.8, 850.00",
        "FIXED_3_MONTHS, 1.0, 1250.00"})
    void theSuccessFeeFollowsTheFormula(TariffBand band, BigDecimal profiling, BigDecimal expected) {
        Tariffs.Success s = tariffs.success(band, profiling, ON);
        assertThat(s.amount()).isEqualByComparingTo(expected);
        assertThat(s.amount().scale()).isEqualTo(2);
    }

    @Test
    void eachContractFallsInItsBand() {
        assertThat(tariffs.band(ContractType.PERMANENT, null, ON)).contains(TariffBand.PERMANENT);
        assertThat(tariffs.band(ContractType.APPRENTICESHIP, 36, ON)).contains(TariffBand.PERMANENT);
        assertThat(tariffs.band(ContractType.FIXED_TERM, 6, ON)).contains(TariffBand.FIXED_6_MONTHS);
        assertThat(tariffs.band(ContractType.AGENCY, 12, ON)).contains(TariffBand.FIXED_6_MONTHS);
        assertThat(tariffs.band(ContractType.FIXED_TERM, 4, ON)).as("3-6 months: not in this region").isEmpty();
        assertThat(tariffs.band(ContractType.FIXED_TERM, 2, ON)).isEmpty();
        assertThat(tariffs.band(ContractType.FIXED_TERM, null, ON)).isEmpty();
        assertThatThrownBy(() -> Tariffs.successAmount(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("1.01")))
                .hasMessage("claim.profiling.invalid");
    }

    @Test
    void theFeeForServiceIsPaidUpToThreeHoursAWorker() {
        Tariffs.FeeForService two = tariffs.feeForService(new BigDecimal("2.5"), ON);
        assertThat(two.claimedHours()).isEqualByComparingTo("2.5");
        assertThat(two.amount()).isEqualByComparingTo("88.75");
        Tariffs.FeeForService many = tariffs.feeForService(new BigDecimal("7"), ON);
        assertThat(many.serviceHours()).isEqualByComparingTo("7");
        assertThat(many.claimedHours()).as("hours cap per worker").isEqualByComparingTo("3");
        assertThat(many.amount()).isEqualByComparingTo("106.50");
        assertThat(tariffs.hoursPerSuccess(ON)).isEqualTo(9);
    }

    @Test
    void aTariffChangeAppliesFromItsDateOnly() {
        LocalDate from = LocalDate.of(2032, 1, 1);
        parameters.change("regione", Parameter.SUCCESS_PERMANENT_MIN_EUR, "1200", from, "Delibera di prova 2032",
                parameters.history(Parameter.SUCCESS_PERMANENT_MIN_EUR).get(0).id());
        assertThat(tariffs.success(TariffBand.PERMANENT, new BigDecimal("0.8"), from.minusDays(1)).amount())
                .isEqualByComparingTo("3400.00");
        // 1200 + 0.3 × 2 × (5000 − 1200)
        assertThat(tariffs.success(TariffBand.PERMANENT, new BigDecimal("0.8"), from).amount())
                .isEqualByComparingTo("3480.00");
        assertThat(tariffs.success(TariffBand.PERMANENT, new BigDecimal("0.3"), from).amount())
                .isEqualByComparingTo("1200.00");

        LocalDate south = LocalDate.of(2033, 1, 1);
        parameters.change("regione", Parameter.SUCCESS_FIXED_3_MONTHS_ALLOWED, "sì", south, "Delibera di prova 2033",
                parameters.history(Parameter.SUCCESS_FIXED_3_MONTHS_ALLOWED).get(0).id());
        assertThat(tariffs.band(ContractType.FIXED_TERM, 4, south.minusDays(1))).isEmpty();
        assertThat(tariffs.band(ContractType.FIXED_TERM, 4, south)).contains(TariffBand.FIXED_3_MONTHS);
    }
}
