package it.ricolloca.conditionality;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.places.Municipalities;
import it.ricolloca.places.Municipality;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The suitable-offer check's estimate of distance and travel time between the worker's municipality and the
 * offer's (ADR 0032): the straight line between the centroids of the two territories times the region's
 * {@code ROAD_FACTOR}, and that road distance at {@code TRAVEL_SPEED_KMH} for the minutes, both in force on the
 * offer's date. An estimate the user may overwrite with the real figure; none when a municipality is unknown or
 * has no coordinates.
 */
@Service
public class TravelEstimates {

    /** An estimate and what it was made of, for the page to say so. */
    public record Estimate(Municipality from, Municipality to, double straightKm, BigDecimal roadFactor, int speedKmh,
            BigDecimal km, int minutes) {

        /** The straight line, km, to one decimal. */
        public BigDecimal straightKmRounded() {
            return BigDecimal.valueOf(straightKm).setScale(1, RoundingMode.HALF_UP);
        }
    }

    private final Municipalities municipalities;
    private final Parameters parameters;

    TravelEstimates(Municipalities municipalities, Parameters parameters) {
        this.municipalities = municipalities;
        this.parameters = parameters;
    }

    public Optional<Estimate> estimate(String fromMunicipality, String toMunicipality, LocalDate on) {
        if (fromMunicipality == null || fromMunicipality.isBlank() || toMunicipality == null || toMunicipality.isBlank()) {
            return Optional.empty();
        }
        Optional<Municipality> from = municipalities.resolve(fromMunicipality, null);
        Optional<Municipality> to = municipalities.resolve(toMunicipality, null);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return municipalities.straightKm(from.get(), to.get()).map(straight -> {
            BigDecimal factor = parameters.amount(Parameter.ROAD_FACTOR, on);
            int speed = parameters.integer(Parameter.TRAVEL_SPEED_KMH, on);
            BigDecimal km = BigDecimal.valueOf(straight).multiply(factor).setScale(1, RoundingMode.HALF_UP);
            int minutes = speed <= 0 ? 0 : km.multiply(BigDecimal.valueOf(60))
                    .divide(BigDecimal.valueOf(speed), 0, RoundingMode.HALF_UP).intValue();
            return new Estimate(from.get(), to.get(), straight, factor, speed, km, minutes);
        });
    }
}
