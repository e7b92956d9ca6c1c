package it.ricolloca.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots from templates, special periods and closures, in Europe/Rome across daylight saving changes. */
class SlotCalendarTest {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static TemplateRule rule(DayOfWeek day, String from, String to, int minutes, int capacity) {
        return new TemplateRule(day, LocalTime.parse(from), LocalTime.parse(to), minutes, capacity, "Sportello 1");
    }

    static AgendaTemplate weekly(LocalDate from, LocalDate to, TemplateRule... rules) {
        return new AgendaTemplate(1, "Settimana tipo", TemplateKind.WEEKLY, from, to, List.of(rules), "master", NOW);
    }

    @Test
    void aWeeklyTemplateGivesItsSlotsOnItsDaysOnly() {
        AgendaTemplate t = weekly(LocalDate.of(2026, 1, 1), null, rule(DayOfWeek.MONDAY, "09:00", "12:00", 60, 2),
                rule(DayOfWeek.WEDNESDAY, "14:00", "15:30", 30, 1));
        List<Slot> slots = SlotCalendar.slots(List.of(t), List.of(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 8), ROME);
        assertThat(slots).hasSize(6);
        assertThat(slots.get(0).start().toLocalDateTime()).hasToString("2026-02-02T09:00");
        assertThat(slots.get(0).capacity()).isEqualTo(2);
        assertThat(slots.get(0).staff()).isEqualTo("Sportello 1");
        assertThat(slots.get(2).end().toLocalTime()).isEqualTo(LocalTime.of(12, 0));
        assertThat(slots.subList(3, 6)).allSatisfy(s -> assertThat(s.start().getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY));
        // A range that does not fit a whole slot gives none for the remainder.
        AgendaTemplate odd = weekly(LocalDate.of(2026, 1, 1), null, rule(DayOfWeek.MONDAY, "09:00", "10:50", 30, 1));
        assertThat(SlotCalendar.slots(List.of(odd), List.of(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 2), ROME))
                .hasSize(3);
    }

    @Test
    void validityDatesSpecialPeriodsAndClosuresDecideEachDay() {
        AgendaTemplate old = weekly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
                rule(DayOfWeek.MONDAY, "09:00", "11:00", 60, 1));
        AgendaTemplate summer = new AgendaTemplate(1, "Estate", TemplateKind.SPECIAL, LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 8, 31), List.of(rule(DayOfWeek.MONDAY, "10:00", "11:00", 60, 1)), "master", NOW);
        AgendaTemplate current = weekly(LocalDate.of(2026, 7, 1), null, rule(DayOfWeek.MONDAY, "09:00", "13:00", 60, 1));
        Closure ferragosto = new Closure(1, LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 17), "Chiusura estiva", "master", NOW);
        List<AgendaTemplate> all = List.of(old, summer, current);

        assertThat(SlotCalendar.slots(all, List.of(ferragosto), LocalDate.of(2026, 6, 29), LocalDate.of(2026, 6, 29), ROME))
                .hasSize(2);
        assertThat(SlotCalendar.slots(all, List.of(ferragosto), LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 6), ROME))
                .hasSize(4);
        assertThat(SlotCalendar.slots(all, List.of(ferragosto), LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 3), ROME))
                .singleElement().satisfies(s -> assertThat(s.start().toLocalTime()).isEqualTo(LocalTime.of(10, 0)));
        assertThat(SlotCalendar.slots(all, List.of(ferragosto), LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 17), ROME))
                .isEmpty();
        assertThat(SlotCalendar.slots(all, List.of(ferragosto), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 7), ROME))
                .hasSize(4);
        assertThat(SlotCalendar.slots(List.of(), List.of(), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 13), ROME)).isEmpty();
    }

    @Test
    void daylightSavingChangesKeepLocalTimesAndSkipTimesThatDoNotExist() {
        // 29 March 2026: clocks go from 02:00 to 03:00; 25 October 2026: from 03:00 back to 02:00.
        AgendaTemplate night = weekly(LocalDate.of(2026, 1, 1), null, rule(DayOfWeek.SUNDAY, "01:00", "04:00", 60, 1),
                rule(DayOfWeek.MONDAY, "09:00", "10:00", 60, 1));
        List<Slot> spring = SlotCalendar.slots(List.of(night), List.of(), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30), ROME);
        assertThat(spring).extracting(s -> s.start().toLocalTime().toString()).containsExactly("01:00", "03:00", "09:00");
        assertThat(Duration.between(spring.get(0).start(), spring.get(0).end())).as("01:00 to 02:00 lasts an hour: 02:00 is 03:00")
                .isEqualTo(Duration.ofHours(1));
        assertThat(spring.get(2).start().toInstant()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));

        List<Slot> autumn = SlotCalendar.slots(List.of(night), List.of(), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26), ROME);
        assertThat(autumn).extracting(s -> s.start().toLocalTime().toString()).containsExactly("01:00", "02:00", "03:00", "09:00");
        assertThat(autumn.get(1).start().toInstant()).as("the first 02:00").isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(autumn.get(3).start().toInstant()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void templatesAndRulesRefuseNonsense() {
        assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "12:00", "09:00", 30, 1)).isInstanceOf(AgendaRefusedException.class);
        assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "09:00", "12:00", 2, 1)).isInstanceOf(AgendaRefusedException.class);
        assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "09:00", "12:00", 30, 0)).isInstanceOf(AgendaRefusedException.class);
        assertThatThrownBy(() -> weekly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), rule(DayOfWeek.MONDAY, "09:00", "10:00", 30, 1)))
                .hasMessage("agenda.period.invalid");
        assertThatThrownBy(() -> weekly(LocalDate.of(2026, 2, 1), null)).hasMessage("agenda.template.noRules");
    }

    @Test
    void appointmentsFollowTheirRules() {
        Instant now = Instant.parse("2026-05-04T10:00:00Z");
        Instant past = now.minus(Duration.ofDays(1));
        assertThatThrownBy(() -> Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, past, past.plusSeconds(1800), null,
                true, null, " ", "op", now)).hasMessage("agenda.book.pastNeedsJustification");
        assertThatThrownBy(() -> Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, now.plusSeconds(60),
                now.plusSeconds(1800), null, false, null, null, "op", now)).hasMessage("agenda.book.contactNeedsNote");
        Appointment a = Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, past, past.plusSeconds(1800), null, true, null,
                "registrato a posteriori: colloquio tenuto durante il guasto del sistema", "op", now);
        assertThatThrownBy(() -> a.recordOutcome(AppointmentStatus.ABSENT_JUSTIFIED, "", "op", now))
                .hasMessage("agenda.outcome.justificationNeeded");
        assertThatThrownBy(() -> a.cancel(" ")).hasMessage("agenda.reason.required");
        a.recordOutcome(AppointmentStatus.HELD, null, "tutor", now);
        assertThat(a.getStatus()).isEqualTo(AppointmentStatus.HELD);
        assertThatThrownBy(() -> a.cancel("errore")).hasMessage("agenda.appointment.notBooked");

        Appointment future = Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, now.plusSeconds(3600),
                now.plusSeconds(5400), null, true, null, null, "op", now);
        assertThatThrownBy(() -> future.recordOutcome(AppointmentStatus.HELD, null, "op", now)).hasMessage("agenda.outcome.notYet");
        assertThatThrownBy(() -> future.recordOutcome(AppointmentStatus.CANCELLED, null, "op", now.plusSeconds(7200)))
                .hasMessage("agenda.outcome.invalid");
        future.move("il lavoratore ha un colloquio di lavoro");
        assertThat(future.getStatus()).isEqualTo(AppointmentStatus.MOVED);
        future.replacedBy(99);
        assertThat(future.getMovedToId()).isEqualTo(99);
    }
}
