package it.ricolloca.accounts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The small forms of account management: a password reset by a manager and a new API token. */
public final class AccountForms {

    private AccountForms() {
    }

    /** The new password a manager sets for a user (never shown back). */
    public record PasswordResetForm(@NotBlank @Size(max = 128) String password) {
    }

    /** The name of a new API token. */
    public record TokenForm(@NotBlank @Size(max = 100) String name) {

        static final TokenForm EMPTY = new TokenForm("");
    }
}
