package it.ricolloca.pathway;

/** An open pathway moved to another provider office, and with it to that office's CPI (a change of provider). */
public record PathwayMovedToProvider(long pathwayId, long workerId, long centreId, long officeId) {
}
