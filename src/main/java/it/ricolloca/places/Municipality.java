package it.ricolloca.places;

import java.time.LocalDate;

/**
 * An Italian municipality of the reference data (ADR 0032): its cadastral (Belfiore) code, name, province
 * abbreviation, ISTAT code and region (empty for a ceased one), period of use, and the centroid of its
 * territory (null where unknown).
 */
public record Municipality(String code, String name, String province, String istatCode, String region,
        LocalDate validFrom, LocalDate validTo, Double latitude, Double longitude) {

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** The name with its province, as the picker shows it: {@code Torino (TO)}. */
    public String label() {
        return province == null || province.isEmpty() ? name : name + " (" + province + ")";
    }
}
