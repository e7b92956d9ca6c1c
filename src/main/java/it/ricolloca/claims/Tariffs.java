package it.ricolloca.claims;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.ParameterValues;
import it.ricolloca.pathway.ContractType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The tariffs of DOMAIN.md section 6, read from the parameters in force on a date: the success
 * fee {@code m + (p − 0.5) × 2 × (M − m)} for a profiling index {@code p} (below 0.5: {@code m}),
 * and the Fee4Service, an hourly rate up to a number of hours per worker.
 */
@Service
public class Tariffs {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** A success fee with its parts; {@code amount} is null until the profiling index is known. */
    public record Success(TariffBand band, BigDecimal minimum, BigDecimal maximum, BigDecimal amount) {
    }

    /** A Fee4Service with its parts: the hours served, the hours paid (capped per worker), the rate and the amount. */
    public record FeeForService(BigDecimal serviceHours, BigDecimal claimedHours, int maxHours, BigDecimal hourlyRate,
            BigDecimal amount) {
    }

    private final ParameterValues parameters;

    /** The tariffs on the parameters given: the database's in the application, a history held in memory in tests. */
    Tariffs(ParameterValues parameters) {
        this.parameters = parameters;
    }

    /** The success fee for a profiling index between 0 and 1, rounded to the cent. */
    public static BigDecimal successAmount(BigDecimal minimum, BigDecimal maximum, BigDecimal profiling) {
        if (profiling.signum() < 0 || profiling.compareTo(BigDecimal.ONE) > 0) {
            throw new ClaimRefusedException("claim.profiling.invalid");
        }
        if (profiling.compareTo(HALF) <= 0) {
            return minimum.setScale(2, RoundingMode.HALF_UP);
        }
        return minimum.add(profiling.subtract(HALF).multiply(TWO).multiply(maximum.subtract(minimum)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The success band of a hire: permanent and apprenticeship contracts; other contracts by their
     * length (6 months or more; 3 to 6 months only where the parameter allows it); none otherwise.
     */
    public Optional<TariffBand> band(ContractType contract, Integer durationMonths, LocalDate on) {
        if (contract == null) {
            return Optional.empty();
        }
        if (contract == ContractType.PERMANENT || contract == ContractType.APPRENTICESHIP) {
            return Optional.of(TariffBand.PERMANENT);
        }
        if (durationMonths == null) {
            return Optional.empty();
        }
        if (durationMonths >= 6) {
            return Optional.of(TariffBand.FIXED_6_MONTHS);
        }
        if (durationMonths >= 3 && parameters.flag(Parameter.SUCCESS_FIXED_3_MONTHS_ALLOWED, on)) {
            return Optional.of(TariffBand.FIXED_3_MONTHS);
        }
        return Optional.empty();
    }

    public Success success(TariffBand band, BigDecimal profiling, LocalDate on) {
        BigDecimal min = parameters.amount(band.minimum(), on);
        BigDecimal max = parameters.amount(band.maximum(), on);
        return new Success(band, min, max, profiling == null ? null : successAmount(min, max, profiling));
    }

    public FeeForService feeForService(BigDecimal serviceHours, LocalDate on) {
        int maxHours = parameters.integer(Parameter.FEE4SERVICE_MAX_HOURS, on);
        BigDecimal rate = parameters.amount(Parameter.FEE4SERVICE_HOURLY_EUR, on);
        BigDecimal served = serviceHours == null ? BigDecimal.ZERO : serviceHours;
        BigDecimal claimed = served.min(BigDecimal.valueOf(maxHours)).setScale(2, RoundingMode.HALF_UP);
        return new FeeForService(served, claimed, maxHours, rate, claimed.multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }

    /** The hours of Fee4Service an office may claim for each of its successes. */
    public int hoursPerSuccess(LocalDate on) {
        return parameters.integer(Parameter.FEE4SERVICE_HOURS_PER_SUCCESS, on);
    }
}
