package it.ricolloca.places;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public API of the municipalities' reference data (ADR 0032): the picker's search, a municipality by the
 * name people type (with an optional province to tell namesakes apart), and straight-line distances.
 * Municipalities are stored by name in the other modules: a name resolves to the one municipality in use with
 * that name (accents and case ignored), or to the one of the given province when there are namesakes.
 */
@Service
@Transactional(readOnly = true)
public class Municipalities {

    /** The Earth's mean radius, km (IUGG). */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private final JdbcClient jdbc;

    Municipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lower-case name without accents nor punctuation, as names are compared. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** Municipalities in use whose name starts with the text (then those containing it), at most {@code limit}. */
    public List<Municipality> search(String text, int limit) {
        String k = key(text);
        if (k.length() < 2) {
            return List.of();
        }
        return jdbc.sql("""
                select * from places_municipality where valid_to is null and province is not null and search_name like :contains
                order by search_name not like :prefix, search_name, province limit :limit""")
                .param("contains", "%" + k.replace("%", "").replace("_", "") + "%")
                .param("prefix", k.replace("%", "").replace("_", "") + "%")
                .param("limit", Math.max(1, Math.min(limit, 50)))
                .query(Municipalities::row).list();
    }

    /** The municipality in use by that name, the province abbreviation choosing among namesakes. */
    public Optional<Municipality> resolve(String name, String province) {
        return Optional.ofNullable(resolveAll(List.of(new Place(name, province))).get(new Place(name, province)));
    }

    /** A name as typed with an optional province hint. */
    public record Place(String name, String province) {
    }

    /** Resolves many names in one query; names that match no municipality, or several, are left out. */
    public Map<Place, Municipality> resolveAll(Collection<Place> places) {
        List<String> keys = places.stream().map(p -> key(p.name())).filter(k -> !k.isEmpty()).distinct().toList();
        Map<Place, Municipality> found = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Map<String, List<Municipality>> byKey = new HashMap<>();
        jdbc.sql("select * from places_municipality where valid_to is null and province is not null and search_name = any(cast(:keys as text[]))")
                .param("keys", keys.toArray(String[]::new))
                .query(Municipalities::row).list()
                .forEach(m -> byKey.computeIfAbsent(key(m.name()), x -> new ArrayList<>()).add(m));
        for (Place p : places) {
            List<Municipality> same = byKey.getOrDefault(key(p.name()), List.of());
            if (same.size() == 1) {
                found.put(p, same.get(0));
            } else if (same.size() > 1 && p.province() != null && !p.province().isBlank()) {
                String hint = key(p.province());
                same.stream().filter(m -> key(m.province()).equals(hint)).findFirst().ifPresent(m -> found.put(p, m));
            }
        }
        return found;
    }

    /** The straight-line (great-circle) distance between two municipalities, km, when both have coordinates. */
    public Optional<Double> straightKm(Municipality a, Municipality b) {
        if (a == null || b == null || !a.hasCoordinates() || !b.hasCoordinates()) {
            return Optional.empty();
        }
        return Optional.of(haversineKm(a.latitude(), a.longitude(), b.latitude(), b.longitude()));
    }

    /** The haversine distance between two points (degrees), km. */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** How many rows the reference table holds. */
    public long count() {
        return jdbc.sql("select count(*) from places_municipality").query(Long.class).single();
    }

    private static Municipality row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Municipality(rs.getString("code"), rs.getString("name"), rs.getString("province"),
                rs.getString("istat_code"), rs.getString("region"), rs.getObject("valid_from", java.time.LocalDate.class),
                rs.getObject("valid_to", java.time.LocalDate.class), (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"));
    }
}
