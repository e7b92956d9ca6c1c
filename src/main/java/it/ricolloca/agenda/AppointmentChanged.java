package it.ricolloca.agenda;

import java.time.Instant;

/** An appointment was booked, moved, cancelled or its outcome recorded, by {@code actor}. */
public record AppointmentChanged(long appointmentId, Long requestId, long workerId, AppointmentPurpose purpose,
        AppointmentStatus status, Instant startsAt, String actor) {
}
