package it.ricolloca.agenda;

import java.time.Instant;

/**
 * An appointment of the worker was fixed, changed or cancelled and the worker is reached by e-mail:
 * the message to send, with the calendar file (ICS) attached.
 */
public record AppointmentMailDue(long appointmentId, long appointmentVersion, Kind kind, String email,
        String workerName, Instant startsAt, String office, AppointmentPurpose purpose, byte[] ics) {

    /** What happened to the appointment. */
    public enum Kind {
        NEW,
        CHANGED,
        CANCELLED
    }
}
