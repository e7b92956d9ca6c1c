package it.ricolloca.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.shared.web.Numbers;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void italianNumbersAreReadAsWritten() {
        assertThat(Numbers.parse("1.650")).isEqualByComparingTo("1650");
        assertThat(Numbers.parse("1650")).isEqualByComparingTo("1650");
        assertThat(Numbers.parse("1.650,50")).isEqualByComparingTo("1650.50");
        assertThat(Numbers.parse("0,73")).isEqualByComparingTo("0.73");
        assertThat(Numbers.parse(" 1.234.567,8 € ")).isEqualByComparingTo("1234567.8");
        assertThat(Numbers.parse("-2,5")).isEqualByComparingTo("-2.5");
        assertThat(Numbers.parse("  ")).isNull();
        assertThat(Numbers.parse(null)).isNull();
    }

    @Test
    void foreignOrAmbiguousFormsAreRefusedNotGuessed() {
        for (String s : new String[] {"1,650.50", "1.65", "0.73", "1.6500", "16.50,5", "1,2,3", "12a", "1e5", ",5", "1.", "NaN",
                "1".repeat(50)}) {
            assertThatThrownBy(() -> Numbers.parse(s)).as(s).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void numbersAreShownTheItalianWay() {
        assertThat(Numbers.amount(new BigDecimal("1650"))).isEqualTo("1.650,00 €");
        assertThat(Numbers.amount(new BigDecimal("1650.505"))).isEqualTo("1.650,51 €");
        assertThat(Numbers.format(new BigDecimal("0.7300"))).isEqualTo("0,73");
        assertThat(Numbers.format(new BigDecimal("1650.00"))).isEqualTo("1.650");
        assertThat(Numbers.hours(new BigDecimal("40.0"))).isEqualTo("40");
        assertThat(Numbers.hours(new BigDecimal("2.50"))).isEqualTo("2,5");
        assertThat(Numbers.input(new BigDecimal("1650.50"))).isEqualTo("1650,5");
        assertThat(Numbers.parse(Numbers.input(new BigDecimal("1650.50")))).isEqualByComparingTo("1650.5");
        assertThat(Numbers.format(null)).isEmpty();
    }
}
