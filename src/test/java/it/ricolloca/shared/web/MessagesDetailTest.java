package it.ricolloca.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.shared.Detail;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A stored detail keeps its numbers as text; its plural still agrees with them when it is read. */
class MessagesDetailTest {

    private final Messages messages = new Messages(source());

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void aStoredCountPicksItsPlural() {
        assertThat(messages.detail(Detail.of("audit.detail.replacedByImport", 1).encoded()))
                .isEqualTo("Sostituita dall'importazione del registro (1 riga)");
        assertThat(messages.detail(Detail.of("audit.detail.replacedByImport", 3).encoded()))
                .isEqualTo("Sostituita dall'importazione del registro (3 righe)");
        assertThat(messages.detail(Detail.of("audit.detail.months", 1).encoded())).isEqualTo("1 mese");
    }

    @Test
    void storedHoursWrittenTheItalianWayPickTheirPlural() {
        assertThat(messages.detail(Detail.of("audit.detail.hours", "Colloquio", "02/03/2026", Numbers.hours(
                new java.math.BigDecimal("1"))).encoded())).isEqualTo("Colloquio, 02/03/2026: 1 ora");
        assertThat(messages.detail(Detail.of("audit.detail.hours", "Colloquio", "02/03/2026", Numbers.hours(
                new java.math.BigDecimal("1.5"))).encoded())).isEqualTo("Colloquio, 02/03/2026: 1,5 ore");
    }

    @Test
    void anIdBesideACountIsShownAsWritten() {
        assertThat(messages.detail(Detail.of("audit.detail.tutorExperience", 12345, 1).encoded()))
                .isEqualTo("Tutor: utente n. 12345, 1 anno di esperienza");
    }

    @Test
    void aCountThatIsNoNumberStillReads() {
        assertThat(messages.detail(Detail.of("audit.detail.months", "molti").encoded())).isEqualTo("molti");
    }
}
