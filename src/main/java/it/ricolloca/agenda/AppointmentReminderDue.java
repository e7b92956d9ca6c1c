package it.ricolloca.agenda;

import java.time.Instant;

/** An appointment is near and the worker's e-mail is known: remind them. */
public record AppointmentReminderDue(long appointmentId, String email, String workerName, Instant startsAt,
        String office, AppointmentPurpose purpose) {
}
