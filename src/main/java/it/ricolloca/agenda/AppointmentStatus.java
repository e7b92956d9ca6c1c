package it.ricolloca.agenda;

/** Where an appointment stands: booked, then held, missed (justified or not), cancelled, or moved to another time. */
public enum AppointmentStatus {
    BOOKED,
    HELD,
    ABSENT_JUSTIFIED,
    ABSENT_UNJUSTIFIED,
    CANCELLED,
    MOVED;

    /** Takes the worker's time and a place in the slot. */
    public boolean occupies() {
        return this == BOOKED || this == HELD || this == ABSENT_JUSTIFIED || this == ABSENT_UNJUSTIFIED;
    }

    public boolean isOutcome() {
        return this == HELD || this == ABSENT_JUSTIFIED || this == ABSENT_UNJUSTIFIED;
    }

    public String labelKey() {
        return "agenda.status." + name();
    }
}
