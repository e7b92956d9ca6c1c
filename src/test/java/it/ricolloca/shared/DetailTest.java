package it.ricolloca.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DetailTest {

    @Test
    void aDetailKeepsItsKeyItsArgumentsAndItsLabelsThroughStorage() {
        String stored = Detail.of("request.event.check", Detail.label("request.check.NASPI"), 3, LocalDate.of(2026, 3, 1),
                "nota con \u001F separatore").encoded();
        Detail back = Detail.decode(stored).orElseThrow();
        assertThat(back.key()).isEqualTo("request.event.check");
        assertThat(back.args()).hasSize(4);
        assertThat(Detail.labelKey(back.args().get(0))).hasValue("request.check.NASPI");
        assertThat(Detail.labelKey(back.args().get(1))).isEmpty();
        assertThat(back.args().subList(1, 4)).containsExactly("3", "01/03/2026", "nota con   separatore");
        assertThat(Detail.decode("testo libero di una voce più vecchia")).isEmpty();
    }
}
