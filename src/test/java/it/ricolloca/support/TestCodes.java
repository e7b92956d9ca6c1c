package it.ricolloca.support;

import it.ricolloca.shared.CodiceFiscale;
import java.time.LocalDate;
import java.util.Random;

/** Valid codici fiscali for tests, from a seeded generator: the same seed, the same codes. */
public final class TestCodes {

    private static final String MONTHS = "ABCDEHLMPRST";

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
        s.append((char) ('A' + random.nextInt(26)));
        s.append(String.format("%03d", random.nextInt(1000)));
        return complete(s.toString());
    }
}
