package it.ricolloca.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as Italian users read them: dd/MM/yyyy, zone Europe/Rome. */
public final class Dates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Dates() {
    }

    public static String format(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
