package it.ricolloca.agenda;

import it.ricolloca.shared.web.Dates;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** Reads an appointment's start as forms send it. */
public final class StartTimes {

    private StartTimes() {
    }

    /** A slot's ISO offset date-time, or a local date-time typed by the user (in Europe/Rome). */
    public static ZonedDateTime parse(String text) {
        try {
            return ZonedDateTime.parse(text).withZoneSameInstant(Dates.ZONE);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(Dates.ZONE);
            } catch (DateTimeParseException e2) {
                throw new AgendaRefusedException("agenda.date.invalid");
            }
        }
    }
}
