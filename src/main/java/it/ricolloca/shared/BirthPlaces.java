package it.ricolloca.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The cadastral (Belfiore) codes a codice fiscale may name as place of birth: every Italian
 * municipality, also the ones that no longer exist, and every foreign state ({@code Z...}), with
 * the period each code was in use. Read once from the reference file the {@code places} module
 * ships and loads ({@value #RESOURCE}, ADR 0032): the codice fiscale is a value checked in pure code
 * (forms, imports), so the check needs no database.
 */
public final class BirthPlaces {

    /** The vendored reference file (see its README beside it). */
    public static final String RESOURCE = "reference/municipalities.csv.gz";

    /** One code: its name, its province (empty for a foreign state) and its period of use (to null while in use). */
    public record Place(String code, String name, String province, LocalDate from, LocalDate to) {

        public boolean foreign() {
            return code.startsWith("Z");
        }

        /** Whether the code was in use on that day. */
        public boolean inUseOn(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private static final class Holder {
        static final Map<String, Place> PLACES = read();
    }

    private BirthPlaces() {
    }

    public static Optional<Place> find(String code) {
        return Optional.ofNullable(Holder.PLACES.get(code));
    }

    /** How many codes the file holds. */
    public static int size() {
        return Holder.PLACES.size();
    }

    private static Map<String, Place> read() {
        List<String[]> rows;
        try (InputStream in = BirthPlaces.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            rows = rows(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Place> places = new HashMap<>();
        for (String[] c : rows) {
            places.put(c[0], new Place(c[0], c[1], c[2], LocalDate.parse(c[5]), c[6].isEmpty() ? null : LocalDate.parse(c[6])));
        }
        return Map.copyOf(places);
    }

    /**
     * The rows of the gzipped reference file after its header, each split into its columns (code, name, province,
     * ISTAT code, region, from, to, latitude, longitude): the one reader of the file, here and in the
     * {@code places} module's loader.
     */
    public static List<String[]> rows(InputStream gzipped) throws IOException {
        List<String[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
        reader.readLine();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            rows.add(line.split(";", -1));
        }
        return rows;
    }
}
