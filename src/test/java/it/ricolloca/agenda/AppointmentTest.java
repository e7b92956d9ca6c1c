package it.ricolloca.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * An appointment's rules on both sides of each boundary (a start exactly now, a period of no length,
 * touching periods), each act refused on an appointment that is not booked, and what it keeps; the
 * limits of a template rule and the order of a day's slots. Plain unit tests (no Spring context).
 */
class AppointmentTest {

    static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    static final Instant IN_AN_HOUR = NOW.plusSeconds(3600);

    static Appointment booked(Instant start) {
        return Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, start, start.plusSeconds(1800), "Sportello 2", true,
                null, start.isBefore(NOW) ? "registrato dopo" : null, "operatore", NOW);
    }

    @Test
    void aBookingKeepsWhatItWasGiven() {
        Appointment a = Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, IN_AN_HOUR, IN_AN_HOUR.plusSeconds(1800),
                "Sportello 2", false, "  telefonata del 3 maggio ", null, "operatore", NOW);
        assertThat(a.getId()).isNull();
        assertThat(a.getOfficeId()).isEqualTo(1);
        assertThat(a.getWorkerId()).isEqualTo(2);
        assertThat(a.getRequestId()).isEqualTo(3L);
        assertThat(a.getPurpose()).isEqualTo(AppointmentPurpose.FIRST);
        assertThat(a.getStartsAt()).isEqualTo(IN_AN_HOUR);
        assertThat(a.getEndsAt()).isEqualTo(IN_AN_HOUR.plusSeconds(1800));
        assertThat(a.getStaff()).isEqualTo("Sportello 2");
        assertThat(a.isFromAgenda()).isFalse();
        assertThat(a.getContactNote()).isEqualTo("telefonata del 3 maggio");
        assertThat(a.getPastJustification()).isNull();
        assertThat(a.getBookedBy()).isEqualTo("operatore");
        assertThat(a.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(a.getVersion()).isZero();
        ReflectionTestUtils.setField(a, "version", 7L);
        assertThat(a.getVersion()).as("the version a form carries back").isEqualTo(7);
        assertThat(a.getRemindedAt()).isNull();
        a.reminded(NOW);
        assertThat(a.getRemindedAt()).isEqualTo(NOW);

        Appointment fromAgenda = Appointment.book(1, 2, null, AppointmentPurpose.FIRST, NOW.minusSeconds(60),
                NOW.plusSeconds(1740), null, true, " ", " colloquio tenuto durante il guasto ", "operatore", NOW);
        assertThat(fromAgenda.isFromAgenda()).isTrue();
        assertThat(fromAgenda.getContactNote()).isNull();
        assertThat(fromAgenda.getPastJustification()).isEqualTo("colloquio tenuto durante il guasto");
    }

    @Test
    void aBookingNeedsALengthAJustificationInThePastAndANoteOutsideTheAgenda() {
        assertThatThrownBy(() -> Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, IN_AN_HOUR, IN_AN_HOUR, null, true,
                null, null, "op", NOW)).hasMessage("agenda.period.invalid");
        assertThatThrownBy(() -> Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, IN_AN_HOUR,
                IN_AN_HOUR.minusSeconds(1), null, true, null, null, "op", NOW)).hasMessage("agenda.period.invalid");
        Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, IN_AN_HOUR, IN_AN_HOUR.plusSeconds(1), null, true, null, null,
                "op", NOW);
        assertThat(Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, NOW, NOW.plusSeconds(1800), null, true, null, null,
                "op", NOW).getStatus()).as("starting exactly now is not in the past").isEqualTo(AppointmentStatus.BOOKED);
        assertThatThrownBy(() -> Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, NOW.minusSeconds(1),
                NOW.plusSeconds(1800), null, true, null, null, "op", NOW)).hasMessage("agenda.book.pastNeedsJustification");
        assertThatThrownBy(() -> Appointment.book(1, 2, 3L, AppointmentPurpose.FIRST, IN_AN_HOUR,
                IN_AN_HOUR.plusSeconds(1800), null, false, " ", null, "op", NOW)).hasMessage("agenda.book.contactNeedsNote");
    }

    @Test
    void aPastAppointmentIsRecordedWithItsOutcomeNeverInTheFuture() {
        Appointment held = Appointment.past(1, 2, 3L, AppointmentPurpose.FIRST, NOW.minusSeconds(3600),
                NOW.minusSeconds(1800), AppointmentStatus.HELD, " tutto bene ", "tutor", NOW);
        assertThat(held.getStatus()).isEqualTo(AppointmentStatus.HELD);
        assertThat(held.getOutcomeNote()).isEqualTo("tutto bene");
        assertThat(held.getOutcomeBy()).isEqualTo("tutor");
        assertThat(held.getBookedBy()).isEqualTo("tutor");
        assertThat(held.isFromAgenda()).isFalse();
        assertThat(held.getOfficeId()).isEqualTo(1);
        assertThat(held.getWorkerId()).isEqualTo(2);
        assertThat(held.getRequestId()).isEqualTo(3L);
        assertThat(held.getPurpose()).isEqualTo(AppointmentPurpose.FIRST);
        assertThat(held.getStartsAt()).isEqualTo(NOW.minusSeconds(3600));
        assertThat(held.getEndsAt()).isEqualTo(NOW.minusSeconds(1800));
        assertThat(Appointment.past(1, 2, null, AppointmentPurpose.FIRST, NOW, NOW.plusSeconds(60),
                AppointmentStatus.ABSENT_UNJUSTIFIED, " ", "tutor", NOW).getOutcomeNote()).as("starting now").isNull();
        assertThatThrownBy(() -> Appointment.past(1, 2, null, AppointmentPurpose.FIRST, NOW.plusSeconds(1),
                NOW.plusSeconds(60), AppointmentStatus.HELD, null, "tutor", NOW)).hasMessage("agenda.past.future");
        assertThatThrownBy(() -> Appointment.past(1, 2, null, AppointmentPurpose.FIRST, NOW.minusSeconds(60),
                NOW.minusSeconds(60), AppointmentStatus.HELD, null, "tutor", NOW)).hasMessage("agenda.period.invalid");
        assertThatThrownBy(() -> Appointment.past(1, 2, null, AppointmentPurpose.FIRST, NOW.minusSeconds(60), NOW, null,
                null, "tutor", NOW)).hasMessage("agenda.outcome.invalid");
        assertThatThrownBy(() -> Appointment.past(1, 2, null, AppointmentPurpose.FIRST, NOW.minusSeconds(60), NOW,
                AppointmentStatus.CANCELLED, null, "tutor", NOW)).hasMessage("agenda.outcome.invalid");
        assertThatThrownBy(() -> Appointment.past(1, 2, null, AppointmentPurpose.FIRST, NOW.minusSeconds(60), NOW,
                AppointmentStatus.ABSENT_JUSTIFIED, " ", "tutor", NOW)).hasMessage("agenda.outcome.justificationNeeded");
        assertThat(Appointment.past(1, 2, null, AppointmentPurpose.FIRST, NOW.minusSeconds(60), NOW,
                AppointmentStatus.ABSENT_JUSTIFIED, "certificato medico", "tutor", NOW).getOutcomeNote())
                .isEqualTo("certificato medico");
    }

    @Test
    void theOutcomeIsRecordedOnceTheAppointmentHasStarted() {
        Appointment a = booked(IN_AN_HOUR);
        assertThatThrownBy(() -> a.recordOutcome(AppointmentStatus.HELD, null, "tutor", IN_AN_HOUR.minusSeconds(1)))
                .hasMessage("agenda.outcome.notYet");
        assertThatThrownBy(() -> a.recordOutcome(AppointmentStatus.MOVED, null, "tutor", IN_AN_HOUR))
                .hasMessage("agenda.outcome.invalid");
        assertThatThrownBy(() -> a.recordOutcome(AppointmentStatus.ABSENT_JUSTIFIED, null, "tutor", IN_AN_HOUR))
                .hasMessage("agenda.outcome.justificationNeeded");
        assertThat(a.getStatus()).isEqualTo(AppointmentStatus.BOOKED);
        a.recordOutcome(AppointmentStatus.ABSENT_JUSTIFIED, " malattia ", "tutor", IN_AN_HOUR);
        assertThat(a.getStatus()).isEqualTo(AppointmentStatus.ABSENT_JUSTIFIED);
        assertThat(a.getOutcomeNote()).isEqualTo("malattia");
        assertThat(a.getOutcomeBy()).isEqualTo("tutor");
        Appointment unjustified = booked(IN_AN_HOUR);
        unjustified.recordOutcome(AppointmentStatus.ABSENT_UNJUSTIFIED, "  ", "tutor", IN_AN_HOUR.plusSeconds(60));
        assertThat(unjustified.getOutcomeNote()).isNull();
    }

    @Test
    void anAppointmentThatIsNotBookedIsNeitherMovedNorCancelledNorGivenAnOutcome() {
        Appointment held = booked(IN_AN_HOUR);
        held.recordOutcome(AppointmentStatus.HELD, null, "tutor", IN_AN_HOUR);
        Appointment cancelled = booked(IN_AN_HOUR);
        cancelled.cancel("  il lavoratore ha trovato lavoro ");
        assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.getClosingReason()).isEqualTo("il lavoratore ha trovato lavoro");
        Appointment moved = booked(IN_AN_HOUR);
        moved.move(" malattia ");
        assertThat(moved.getClosingReason()).isEqualTo("malattia");
        for (Appointment a : List.of(held, cancelled, moved)) {
            AppointmentStatus before = a.getStatus();
            assertThatThrownBy(() -> a.move("ancora")).as(before.name()).hasMessage("agenda.appointment.notBooked");
            assertThatThrownBy(() -> a.cancel("ancora")).as(before.name()).hasMessage("agenda.appointment.notBooked");
            assertThatThrownBy(() -> a.recordOutcome(AppointmentStatus.HELD, null, "tutor", IN_AN_HOUR))
                    .as(before.name()).hasMessage("agenda.appointment.notBooked");
            assertThat(a.getStatus()).isEqualTo(before);
        }
        assertThatThrownBy(() -> booked(IN_AN_HOUR).move(" ")).hasMessage("agenda.reason.required");
        assertThatThrownBy(() -> booked(IN_AN_HOUR).cancel(null)).hasMessage("agenda.reason.required");
    }

    @Test
    void onlyAMovedAppointmentPointsToItsReplacementAndOnlyOnce() {
        Appointment a = booked(IN_AN_HOUR);
        assertThatThrownBy(() -> a.replacedBy(5)).hasMessage("agenda.appointment.notBooked");
        a.move("spostato su richiesta");
        a.replacedBy(5);
        assertThat(a.getMovedToId()).isEqualTo(5L);
        assertThatThrownBy(() -> a.replacedBy(6)).hasMessage("agenda.appointment.notBooked");
        assertThat(a.getMovedToId()).isEqualTo(5L);
    }

    @Test
    void periodsThatOnlyTouchDoNotOverlap() {
        Appointment a = booked(IN_AN_HOUR);
        Instant end = IN_AN_HOUR.plusSeconds(1800);
        assertThat(a.overlaps(IN_AN_HOUR.minusSeconds(600), IN_AN_HOUR)).isFalse();
        assertThat(a.overlaps(IN_AN_HOUR.minusSeconds(600), IN_AN_HOUR.plusSeconds(1))).isTrue();
        assertThat(a.overlaps(end, end.plusSeconds(600))).isFalse();
        assertThat(a.overlaps(end.minusSeconds(1), end.plusSeconds(600))).isTrue();
        assertThat(a.overlaps(IN_AN_HOUR, end)).isTrue();
    }

    // ---- template rules and the order of the slots ----

    static TemplateRule rule(DayOfWeek day, String from, String to, int minutes, int capacity, String staff) {
        return new TemplateRule(day, LocalTime.parse(from), LocalTime.parse(to), minutes, capacity, staff);
    }

    @Test
    void aRuleTakesSlotsOfFiveMinutesToEightHoursForOneToAHundredWorkers() {
        assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "09:00", "09:00", 30, 1, null)).hasMessage("agenda.rule.invalid");
        assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "09:00", "18:00", 4, 1, null)).hasMessage("agenda.rule.invalid");
        assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "09:00", "18:00", 481, 1, null)).hasMessage("agenda.rule.invalid");
        assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "09:00", "18:00", 30, 0, null)).hasMessage("agenda.rule.invalid");
        assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "09:00", "18:00", 30, 101, null)).hasMessage("agenda.rule.invalid");
        TemplateRule shortest = rule(DayOfWeek.TUESDAY, "09:00", "09:01", 5, 1, "  Sportello 3 ");
        assertThat(shortest.getDay()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(shortest.getStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(shortest.getEnd()).isEqualTo(LocalTime.of(9, 1));
        assertThat(shortest.getSlotMinutes()).isEqualTo(5);
        assertThat(shortest.getCapacity()).isEqualTo(1);
        assertThat(shortest.getStaff()).isEqualTo("Sportello 3");
        TemplateRule longest = rule(DayOfWeek.SUNDAY, "08:00", "16:00", 480, 100, " ");
        assertThat(longest.getSlotMinutes()).isEqualTo(480);
        assertThat(longest.getCapacity()).isEqualTo(100);
        assertThat(longest.getStaff()).isNull();
        assertThat(rule(DayOfWeek.MONDAY, "08:00", "16:00", 60, 1, null).getStaff()).isNull();
    }

    @Test
    void theSlotsOfADayAreListedInTimeOrderWhateverTheOrderOfTheRules() {
        AgendaTemplate t = new AgendaTemplate(1, "Settimana", TemplateKind.WEEKLY, LocalDate.of(2026, 1, 1), null,
                List.of(rule(DayOfWeek.MONDAY, "14:00", "15:00", 30, 1, "pomeriggio"),
                        rule(DayOfWeek.MONDAY, "09:00", "10:00", 60, 1, "mattina")), "master", NOW);
        List<Slot> slots = SlotCalendar.slots(List.of(t), List.of(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 2),
                ZoneId.of("Europe/Rome"));
        assertThat(slots).extracting(s -> s.start().toLocalTime().toString()).containsExactly("09:00", "14:00", "14:30");
        assertThat(slots).extracting(Slot::staff).containsExactly("mattina", "pomeriggio", "pomeriggio");
    }

    @Test
    void ofTwoTemplatesFromTheSameDayTheLaterSavedWinsAndAnUnsavedOneIsTheNewest() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        AgendaTemplate first = new AgendaTemplate(1, "Prima", TemplateKind.WEEKLY, from, null,
                List.of(rule(DayOfWeek.MONDAY, "09:00", "10:00", 60, 1, null)), "master", NOW);
        AgendaTemplate second = new AgendaTemplate(1, "Seconda", TemplateKind.WEEKLY, from, null,
                List.of(rule(DayOfWeek.MONDAY, "11:00", "12:00", 60, 1, null)), "master", NOW);
        AgendaTemplate unsaved = new AgendaTemplate(1, "Nuova", TemplateKind.WEEKLY, from, null,
                List.of(rule(DayOfWeek.MONDAY, "14:00", "15:00", 60, 1, null)), "master", NOW);
        ReflectionTestUtils.setField(first, "id", 2L);
        ReflectionTestUtils.setField(second, "id", 3L);
        LocalDate monday = LocalDate.of(2026, 2, 2);
        assertThat(SlotCalendar.templateOn(List.of(second, first), monday)).containsSame(second);
        assertThat(SlotCalendar.templateOn(List.of(first, second), monday)).containsSame(second);
        assertThat(SlotCalendar.templateOn(List.of(first, unsaved, second), monday)).containsSame(unsaved);
    }

    @Test
    void aSlotThatEndsExactlyAtTheEndOfTheRangeIsGiven() {
        AgendaTemplate t = new AgendaTemplate(1, "Settimana", TemplateKind.WEEKLY, LocalDate.of(2026, 1, 1), null,
                List.of(rule(DayOfWeek.MONDAY, "09:00", "10:00", 30, 1, null)), "master", NOW);
        assertThat(SlotCalendar.slots(List.of(t), List.of(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 2),
                ZoneId.of("Europe/Rome"))).extracting(s -> s.end().toLocalTime().toString()).containsExactly("09:30", "10:00");
    }
}
