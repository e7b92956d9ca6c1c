package it.ricolloca.agenda;

import java.time.ZonedDateTime;

/** A bookable time of an office: when, how long, for how many workers, with whom. */
public record Slot(ZonedDateTime start, ZonedDateTime end, int capacity, String staff) {
}
