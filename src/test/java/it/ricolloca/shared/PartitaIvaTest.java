package it.ricolloca.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A partita IVA refused with its reason, kept stripped, equal to another of the same digits.
 * {@link CodiceFiscaleTest} corrupts every digit of generated ones.
 *
 * <p>Equivalent mutant: in {@link PartitaIva#checkDigit} the doubled digit is even (0 to 18), so
 * {@code d > 9} and {@code d >= 9} never differ: no test can kill the boundary mutant.
 */
class PartitaIvaTest {

    static final String VALID = "00743110157";

    @Test
    void aValidNumberIsKeptStrippedAndEqualsTheSameDigits() {
        PartitaIva p = PartitaIva.of("  " + VALID + " ");
        assertThat(p.value()).isEqualTo(VALID);
        assertThat(p).hasToString(VALID);
        assertThat(p).isEqualTo(PartitaIva.of(VALID)).hasSameHashCodeAs(PartitaIva.of(VALID));
        assertThat(p).isNotEqualTo(PartitaIva.of("01234567897")).isNotEqualTo(VALID);
        assertThat(p.hashCode()).isEqualTo(VALID.hashCode());
    }

    @Test
    void aWrongNumberIsRefusedWithItsReasonAndTheExpectedDigit() {
        assertThatThrownBy(() -> PartitaIva.of(null)).isInstanceOf(PartitaIva.InvalidException.class)
                .hasMessage("piva.empty");
        assertThatThrownBy(() -> PartitaIva.of("007431101")).hasMessage("piva.format");
        assertThatThrownBy(() -> PartitaIva.of("00743110158")).isInstanceOf(PartitaIva.InvalidException.class)
                .hasMessage("piva.check")
                .satisfies(e -> assertThat(((PartitaIva.InvalidException) e).args()).containsExactly('8', 7));
        assertThat(PartitaIva.check(null)).hasValueSatisfying(p -> assertThat(p.messageKey()).isEqualTo("piva.empty"));
        assertThat(PartitaIva.check(" " + VALID + " ")).isEmpty();
    }

    @Test
    void theCheckDigitCompletesTheSumToAMultipleOfTen() {
        assertThat(PartitaIva.checkDigit("0074311015")).isEqualTo(7);
        assertThat(PartitaIva.checkDigit("0000000000")).as("a sum of 0 needs 0, not 10").isZero();
        // even positions doubled: 9 gives 18, minus 9 is 9; 5 gives 10, minus 9 is 1
        assertThat(PartitaIva.checkDigit("0900000000")).isEqualTo(1);
        assertThat(PartitaIva.checkDigit("0500000000")).isEqualTo(9);
        assertThat(PartitaIva.checkDigit("0400000000")).as("8 stays 8").isEqualTo(2);
        assertThat(PartitaIva.checkDigit("1000000000")).as("odd positions count as they are").isEqualTo(9);
    }
}
