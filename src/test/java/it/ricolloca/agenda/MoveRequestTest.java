package it.ricolloca.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The rule of the worker's request to move an appointment, on the record alone: a booked appointment
 * still to come, asked at least {@value MoveRequest#NOTICE_HOURS} hours before it, once, not for one already
 * moved at the worker's request, with a reason; decided once, a refusal with its reason.
 */
class MoveRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private static Appointment inHours(long hours) {
        Instant start = NOW.plus(Duration.ofHours(hours));
        Appointment a = Appointment.book(1, 2, 3L, AppointmentPurpose.MEETING, start, start.plus(Duration.ofMinutes(30)),
                null, true, null, null, "tutor.torino", NOW.minus(Duration.ofDays(3)));
        ReflectionTestUtils.setField(a, "id", 7L);
        return a;
    }

    private static String keyOf(Runnable act) {
        try {
            act.run();
        } catch (AgendaRefusedException e) {
            return e.messageKey();
        }
        return null;
    }

    @Test
    void aBookedAppointmentTwoDaysAwayMayBeAskedToMoveWithAReason() {
        MoveRequest r = MoveRequest.ask(inHours(48), "  visita medica  ", false, false, "lavoratore:X", NOW);
        assertThat(r.getStatus()).isEqualTo(MoveRequest.Status.PENDING);
        assertThat(r.getReason()).isEqualTo("visita medica");
        assertThat(r.getRequestedBy()).isEqualTo("lavoratore:X");
    }

    @Test
    void theRequestMustArriveAtLeastTheNoticeBeforeTheAppointment() {
        assertThat(keyOf(() -> MoveRequest.ask(inHours(MoveRequest.NOTICE_HOURS), "ok", false, false, "w", NOW)))
                .as("exactly at the deadline").isNull();
        assertThat(keyOf(() -> MoveRequest.ask(inHours(MoveRequest.NOTICE_HOURS - 1), "ok", false, false, "w", NOW)))
                .isEqualTo("agenda.moveRequest.tooLate");
        assertThat(keyOf(() -> MoveRequest.ask(inHours(-2), "ok", false, false, "w", NOW)))
                .isEqualTo("agenda.moveRequest.past");
    }

    @Test
    void onceOnlyNotForAReplacementOfAMoveAskedAndOnlyWhileBooked() {
        assertThat(keyOf(() -> MoveRequest.ask(inHours(72), "ok", true, false, "w", NOW)))
                .isEqualTo("agenda.moveRequest.already");
        assertThat(keyOf(() -> MoveRequest.ask(inHours(72), "ok", false, true, "w", NOW)))
                .isEqualTo("agenda.moveRequest.movedOnce");
        Appointment cancelled = inHours(72);
        cancelled.cancel("chiusura straordinaria");
        assertThat(keyOf(() -> MoveRequest.ask(cancelled, "ok", false, false, "w", NOW)))
                .isEqualTo("agenda.moveRequest.notBooked");
        assertThat(keyOf(() -> MoveRequest.ask(inHours(72), " ", false, false, "w", NOW)))
                .isEqualTo("agenda.moveRequest.reason");
        assertThat(keyOf(() -> MoveRequest.ask(inHours(72), "x".repeat(1001), false, false, "w", NOW)))
                .isEqualTo("agenda.moveRequest.reason");
    }

    @Test
    void aRequestIsDecidedOnceAndARefusalNeedsItsReason() {
        MoveRequest approved = MoveRequest.ask(inHours(72), "lavoro", false, false, "w", NOW);
        approved.approve(99, "tutor.torino", NOW);
        assertThat(approved.getStatus()).isEqualTo(MoveRequest.Status.APPROVED);
        assertThat(approved.getNewAppointmentId()).isEqualTo(99L);
        assertThat(keyOf(() -> approved.refuse("tardi", "tutor.torino", NOW))).isEqualTo("agenda.moveRequest.decided");

        MoveRequest refused = MoveRequest.ask(inHours(72), "lavoro", false, false, "w", NOW);
        assertThat(keyOf(() -> refused.refuse(" ", "tutor.torino", NOW))).isEqualTo("agenda.reason.required");
        refused.refuse("nessun posto libero", "tutor.torino", NOW);
        assertThat(refused.getStatus()).isEqualTo(MoveRequest.Status.REFUSED);
        assertThat(refused.getRefusalReason()).isEqualTo("nessun posto libero");
        assertThat(keyOf(() -> refused.approve(5, "tutor.torino", NOW))).isEqualTo("agenda.moveRequest.decided");
    }
}
