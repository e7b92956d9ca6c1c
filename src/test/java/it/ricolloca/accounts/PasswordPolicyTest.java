package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.internal.PasswordPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(value = {
            "corta1, password.rule.tooShort",
            "solamentelettere, password.rule.mix",
            "1234567890123, password.rule.mix",
            "mario.rossi-2026, password.rule.containsUsername",
            "aaaaaaaaa1, password.rule.repetitive",
            "1212121212ab, password.rule.repetitive",
            "Password1234, password.rule.common",
            "qwerty123456, password.rule.common",
            "Piemonte2026!, password.rule.common",
            "RICOLLOCA-2026, password.rule.common",
            "Bella-giornata-7, ''",
            "demo-ricolloca, ''"})
    void passwordRules(String password, String expected) {
        assertThat(PasswordPolicy.violation(password, "mario.rossi").orElse("")).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void overlongPasswordIsRefused() {
        assertThat(PasswordPolicy.violation("a1".repeat(65), "x")).contains("password.rule.tooLong");
    }
}
