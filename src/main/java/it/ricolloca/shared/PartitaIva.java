package it.ricolloca.shared;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/** A company's partita IVA (also its codice fiscale): 11 digits, the last a Luhn-like check digit. */
public final class PartitaIva implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A refused partita IVA, with the bundle key of the reason. */
    public static class InvalidException extends DomainException {
        InvalidException(String key, Object... args) {
            super(key, args);
        }
    }

    private final String value;

    private PartitaIva(String value) {
        this.value = value;
    }

    public static PartitaIva of(String raw) {
        String s = raw == null ? "" : raw.strip();
        Optional<CodiceFiscale.Problem> problem = check(s);
        if (problem.isPresent()) {
            throw new InvalidException(problem.get().messageKey(), problem.get().args());
        }
        return new PartitaIva(s);
    }

    public static Optional<CodiceFiscale.Problem> check(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return Optional.of(new CodiceFiscale.Problem("piva.empty", new Object[0]));
        }
        if (!s.matches("\\d{11}")) {
            return Optional.of(new CodiceFiscale.Problem("piva.format", new Object[0]));
        }
        int expected = checkDigit(s.substring(0, 10));
        if (s.charAt(10) - '0' != expected) {
            return Optional.of(new CodiceFiscale.Problem("piva.check", new Object[] {s.charAt(10), expected}));
        }
        return Optional.empty();
    }

    /** Odd positions (1st, 3rd…) count as they are, even ones doubled (minus 9 above 9); the check completes to a multiple of 10. */
    public static int checkDigit(String first10) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = first10.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitaIva other && other.value.equals(value);
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
