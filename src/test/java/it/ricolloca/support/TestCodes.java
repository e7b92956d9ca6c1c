package it.ricolloca.support;

import it.ricolloca.shared.CodiceFiscale;
import java.time.LocalDate;
import java.util.Random;

/** Valid codici fiscali for tests, from a seeded generator: the same seed, the same codes. */
public final class TestCodes {

    private static final String MONTHS = "ABCDEHLMPRST";

    /**
     * Real cadastral codes of municipalities in use from before 1930 to today (reference file, ADR 0032), plus a
     * foreign state: a code's place of birth must exist on the birth date.
     */
    static final String[] PLACES = {"A001", "A332", "A684", "B037", "B429", "B763", "C116", "C459", "C801", "D184",
        "D555", "D903", "E244", "E597", "E962", "F325", "F660", "G005", "G338", "G686", "H043", "H418", "H775", "I131",
        "I484", "I849", "L195", "L547", "L933", "L219", "F952", "H501", "Z404"};

    private TestCodes() {
    }

    public static String complete(String first15) {
        return first15 + CodiceFiscale.checkCharacter(first15);
    }

    public static String random(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
        s.append(String.format("%02d", birth.getYear() % 100));
        s.append(MONTHS.charAt(birth.getMonthValue() - 1));
        s.append(String.format("%02d", birth.getDayOfMonth() + (random.nextBoolean() ? 40 : 0)));
        s.append(place(random));
        return complete(s.toString());
    }

    /** A real place-of-birth code, chosen by the generator. */
    public static String place(Random random) {
        return PLACES[random.nextInt(PLACES.length)];
    }
}
