package it.ricolloca.agenda;

/** An appointment was booked, moved, cancelled or its outcome recorded. */
public record AppointmentChanged(long appointmentId, Long requestId, long workerId, AppointmentPurpose purpose,
        AppointmentStatus status, java.time.Instant startsAt) {
}
