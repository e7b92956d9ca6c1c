package it.ricolloca.agenda;

import java.time.LocalDate;

/** The URLs of the agenda. */
public final class AgendaRoutes {

    public static final String AGENDA = "/agenda";
    public static final String OFFICE = "/agenda/offices/{officeId}";
    public static final String TEMPLATES = "/agenda/offices/{officeId}/templates";
    public static final String TEMPLATE_END = "/agenda/templates/{templateId}/end";
    public static final String CLOSURES = "/agenda/offices/{officeId}/closures";
    public static final String CLOSURE_REMOVE = "/agenda/closures/{closureId}/remove";
    public static final String PATRON_SAINT = "/agenda/offices/{officeId}/patron-saint";
    public static final String PATRON_SAINT_REMOVE = "/agenda/offices/{officeId}/patron-saint/remove";
    public static final String APPOINTMENT = "/agenda/appointments/{id}";
    public static final String APPOINTMENT_ACT = "/agenda/appointments/{id}/{act:outcome|cancel|move}";
    public static final String MOVE_REQUESTS = "/agenda/move-requests";
    public static final String MOVE_REQUEST_ACT = "/agenda/move-requests/{id}/{act:approve|refuse}";
    public static final String API_SLOTS = "/api/v1/agenda/offices/{officeId}/slots";
    public static final String API_APPOINTMENT = "/api/v1/agenda/appointments/{id}";
    public static final String API_APPOINTMENT_OUTCOME = "/api/v1/agenda/appointments/{id}/outcome";
    public static final String API_APPOINTMENT_CANCEL = "/api/v1/agenda/appointments/{id}/cancel";
    public static final String API_APPOINTMENT_MOVE = "/api/v1/agenda/appointments/{id}/move";

    private AgendaRoutes() {
    }

    public static String office(long officeId) {
        return "/agenda/offices/" + officeId;
    }

    public static String templates(long officeId) {
        return "/agenda/offices/" + officeId + "/templates";
    }

    public static String closures(long officeId) {
        return "/agenda/offices/" + officeId + "/closures";
    }

    public static String patronSaint(long officeId) {
        return "/agenda/offices/" + officeId + "/patron-saint";
    }

    public static String patronSaintRemove(long officeId) {
        return "/agenda/offices/" + officeId + "/patron-saint/remove";
    }

    public static String appointment(long id) {
        return "/agenda/appointments/" + id;
    }

    /** The decision ({@code approve} or {@code refuse}) on a worker's request to move an appointment. */
    public static String moveRequestAct(long id, String act) {
        return "/agenda/move-requests/" + id + "/" + act;
    }

    public static String templateEnd(long templateId) {
        return "/agenda/templates/" + templateId + "/end";
    }

    public static String closureRemove(long closureId) {
        return "/agenda/closures/" + closureId + "/remove";
    }

    /** The act ({@code outcome}, {@code cancel} or {@code move}) on an appointment. */
    public static String appointmentAct(long id, String act) {
        return "/agenda/appointments/" + id + "/" + act;
    }

    /** The first appointments booked at the user's offices on a day (the home page's card). */
    public static String firstAppointments(LocalDate day) {
        return AGENDA + "?first=" + day;
    }

    public static String week(long officeId, LocalDate monday) {
        return office(officeId) + "?week=" + monday;
    }
}
