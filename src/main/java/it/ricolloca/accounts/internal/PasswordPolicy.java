package it.ricolloca.accounts.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The password rules: 10 to 128 characters, at least one letter and one character that is not a
 * letter, not containing the username. Returns the bundle key of the first rule broken.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

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
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.rule.containsUsername");
        }
        return Optional.empty();
    }
}
