package it.ricolloca.agenda;

/** The first appointment of the service, or a later meeting. */
public enum AppointmentPurpose {
    FIRST,
    MEETING;

    public String labelKey() {
        return "agenda.purpose." + name();
    }
}
