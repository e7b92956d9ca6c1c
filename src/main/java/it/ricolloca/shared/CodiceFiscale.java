package it.ricolloca.shared;

import it.ricolloca.shared.web.Dates;
import java.io.Serial;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's codice fiscale: 16 characters, validated on structure, birth date, omocodia and
 * check character. {@link #check(String)} gives the precise Italian reason of a failure as a
 * bundle key with its arguments; {@link #of(String)} throws it.
 */
public final class CodiceFiscale implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A refused codice fiscale, with the bundle key and arguments of the reason. */
    public static class InvalidException extends DomainException {
        InvalidException(String key, Object... args) {
            super(key, args);
        }
    }

    /** Why a code is invalid: a bundle key and its arguments. */
    public record Problem(String messageKey, Object[] args) {
    }

    /** The sex encoded in the code (day + 40 for women). */
    public enum Sex {
        M, F
    }

    static final String MONTHS = "ABCDEHLMPRST";
    static final String OMOCODE_LETTERS = "LMNPQRSTUV";
    /** Positions (0-based) that hold digits, which omocodia may replace, rightmost first. */
    static final int[] OMOCODE_POSITIONS = {14, 13, 12, 10, 9, 7, 6};
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
        22, 25, 24, 23};

    private final String value;
    private final LocalDate birthDate;
    private final Sex sex;

    private CodiceFiscale(String value, LocalDate birthDate, Sex sex) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    /** Parses a code, trimming and upper-casing it; throws with the reason when it is invalid. */
    public static CodiceFiscale of(String raw) {
        String s = normalise(raw);
        Optional<Problem> problem = problem(s);
        if (problem.isPresent()) {
            throw new InvalidException(problem.get().messageKey(), problem.get().args());
        }
        String plain = withoutOmocodia(s);
        int day = Integer.parseInt(plain.substring(9, 11));
        return new CodiceFiscale(s, date(plain), day > 40 ? Sex.F : Sex.M);
    }

    /** A code read in bulk: the code when valid, otherwise the reason (exactly one of the two is present). */
    public record Checked(CodiceFiscale code, Problem problem) {
    }

    /**
     * Checks and parses a code in one pass, without an exception for an invalid one: for imports that read a
     * million codes, where {@link #check(String)} then {@link #of(String)} would check each twice.
     */
    public static Checked checked(String raw) {
        String s = normalise(raw);
        Optional<Problem> problem = problem(s);
        if (problem.isPresent()) {
            return new Checked(null, problem.get());
        }
        String plain = withoutOmocodia(s);
        int day = Integer.parseInt(plain.substring(9, 11));
        return new Checked(new CodiceFiscale(s, date(plain), day > 40 ? Sex.F : Sex.M), null);
    }

    /** The cadastral code of the place of birth, omocodia letters decoded (e.g. {@code L219} for Torino). */
    public String placeCode() {
        return withoutOmocodia(value).substring(11, 15);
    }

    /** The reason a code is invalid, or empty when it is valid. */
    public static Optional<Problem> check(String raw) {
        return problem(normalise(raw));
    }

    public static boolean isValid(String raw) {
        return check(raw).isEmpty();
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    private static Optional<Problem> problem(String s) {
        if (s.isEmpty()) {
            return fail("cf.empty");
        }
        if (s.length() != 16) {
            return fail("cf.length", s.length());
        }
        for (int i = 0; i < 16; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return fail("cf.characters");
            }
        }
        for (int i = 0; i < 6; i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return fail("cf.names");
            }
        }
        // Omocodia replaces digits rightmost first: once a digit is met, every position to its left is a digit too.
        boolean digitSeen = false;
        for (int position : OMOCODE_POSITIONS) {
            char c = s.charAt(position);
            if (Character.isDigit(c)) {
                digitSeen = true;
            } else if (OMOCODE_LETTERS.indexOf(c) < 0) {
                return fail("cf.digit", position + 1, c);
            } else if (digitSeen) {
                return fail("cf.omocodia.order");
            }
        }
        if (MONTHS.indexOf(s.charAt(8)) < 0) {
            return fail("cf.month", s.charAt(8));
        }
        if (!Character.isLetter(s.charAt(11))) {
            return fail("cf.place", s.charAt(11));
        }
        char expected = checkCharacter(s.substring(0, 15));
        if (s.charAt(15) != expected) {
            return fail("cf.check", s.charAt(15), expected);
        }
        String plain = withoutOmocodia(s);
        int day = Integer.parseInt(plain.substring(9, 11));
        if (day < 1 || (day > 31 && day < 41) || day > 71) {
            return fail("cf.day", plain.substring(9, 11));
        }
        LocalDate birth;
        try {
            birth = date(plain);
        } catch (DateTimeException e) {
            return fail("cf.date", plain.substring(9, 11), MONTHS.indexOf(plain.charAt(8)) + 1);
        }
        return placeProblem(plain.substring(11, 15), birth);
    }

    /**
     * The place of birth: the cadastral code (omocodia letters already decoded) must exist and, for an Italian
     * municipality, have been in use on the date of birth (a municipality merged away later still validates). The
     * two-digit year is read in both centuries that fit (the other one only if not in the future), so a place in use
     * on either date is accepted.
     */
    private static Optional<Problem> placeProblem(String code, LocalDate birth) {
        Optional<BirthPlaces.Place> found = BirthPlaces.find(code);
        if (found.isEmpty()) {
            return fail("cf.place.unknown", code);
        }
        BirthPlaces.Place place = found.get();
        LocalDate otherCentury = birth.getYear() >= 2000 ? birth.minusYears(100) : birth.plusYears(100);
        boolean otherFits = !otherCentury.isAfter(LocalDate.now(Dates.ZONE)) && place.inUseOn(otherCentury);
        if (place.foreign() || place.inUseOn(birth) || otherFits) {
            return Optional.empty();
        }
        String name = place.name() + (place.province().isEmpty() ? "" : " (" + place.province() + ")");
        return birth.isBefore(place.from())
                ? fail("cf.place.notYet", code, name, Dates.format(place.from()), Dates.format(birth))
                : fail("cf.place.ceased", code, name, Dates.format(place.to()), Dates.format(birth));
    }

    /** The check character of the first 15 characters: odd positions by the odd table, even ones by value, mod 26. */
    public static char checkCharacter(String first15) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = first15.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? ODD[v] : v;
        }
        return (char) ('A' + sum % 26);
    }

    /** The code with omocodic letters turned back into digits (the check character is left as is). */
    static String withoutOmocodia(String s) {
        char[] chars = s.toCharArray();
        for (int position : OMOCODE_POSITIONS) {
            int digit = OMOCODE_LETTERS.indexOf(chars[position]);
            if (digit >= 0) {
                chars[position] = (char) ('0' + digit);
            }
        }
        return new String(chars);
    }

    private static LocalDate date(String plain) {
        int yy = Integer.parseInt(plain.substring(6, 8));
        int month = MONTHS.indexOf(plain.charAt(8)) + 1;
        int day = Integer.parseInt(plain.substring(9, 11));
        int currentYy = Year.now().getValue() % 100;
        int year = (yy > currentYy ? 1900 : 2000) + yy;
        return LocalDate.of(year, month, day > 40 ? day - 40 : day);
    }

    private static Optional<Problem> fail(String key, Object... args) {
        return Optional.of(new Problem(key, args));
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    public boolean isOmocode() {
        return !withoutOmocodia(value).substring(0, 15).equals(value.substring(0, 15));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodiceFiscale other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
