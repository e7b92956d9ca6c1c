package it.ricolloca.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The password rules: 10 to 128 characters, at least one letter and one character that is not a
 * letter, at least {@value #MIN_DISTINCT} different characters, not containing the username, and not
 * one of the commonly used passwords (the 100,000 most common, shipped with the application, and a
 * short list of Italian and local words), nor one of them followed by digits or symbols. Returns the
 * bundle key of the first rule broken.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    public static final int MIN_DISTINCT = 5;

    /** The lists, one password a line: nbvcxz's (the most common first) and our own Italian one. */
    private static final String[] LISTS = {"dictionaries/passwords.txt", "accounts/common-passwords-it.txt"};

    private PasswordPolicy() {
    }

    public static Optional<String> violation(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.rule.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.rule.tooLong");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().allMatch(Character::isLetter)) {
            return Optional.of("password.rule.mix");
        }
        if (password.codePoints().map(Character::toLowerCase).distinct().count() < MIN_DISTINCT) {
            return Optional.of("password.rule.repetitive");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.rule.containsUsername");
        }
        if (isCommon(password)) {
            return Optional.of("password.rule.common");
        }
        return Optional.empty();
    }

    /** The password, or the password without the digits and symbols at its end, is in a list of common ones. */
    static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String base = lower.replaceFirst("[^\\p{L}]+$", "");
        return Common.contains(lower) || base.length() >= 4 && Common.contains(base);
    }

    /** The lists, read once on first use and kept sorted for a binary search (about 100,000 entries). */
    private static final class Common {

        private static final String[] SORTED = load();

        static boolean contains(String lowerCase) {
            return Arrays.binarySearch(SORTED, lowerCase) >= 0;
        }

        private static String[] load() {
            TreeSet<String> all = new TreeSet<>();
            for (String list : LISTS) {
                try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(list)) {
                    if (in == null) {
                        throw new IllegalStateException("Elenco delle password comuni mancante: " + list);
                    }
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .forEach(l -> all.add(l.toLowerCase(Locale.ROOT)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return all.toArray(String[]::new);
        }
    }
}
