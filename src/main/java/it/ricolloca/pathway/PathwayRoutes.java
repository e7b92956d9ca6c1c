package it.ricolloca.pathway;

import it.ricolloca.shared.web.Paths;

/** The URLs of the provider's work on pathways. */
public final class PathwayRoutes {

    public static final String QUEUE = "/pathways/queue";
    public static final String QUEUE_BOOK = "/pathways/queue/{requestId}";
    public static final String QUEUE_PAST = "/pathways/queue/{requestId}/past";
    public static final String PATHWAYS = "/pathways";
    public static final String PATHWAY = "/pathways/{id}";
    public static final String TUTOR = "/pathways/{id}/tutor";
    public static final String PACT = "/pathways/{id}/pact";
    public static final String PACT_PDF = "/pathways/{id}/pact/{versionNo}/pdf";
    public static final String PACT_SIGN = "/pathways/{id}/pact/sign";
    public static final String PACT_AMEND = "/pathways/{id}/pact/amend";
    public static final String PACT_SIGNED_COPY = "/pathways/{id}/pact/signed-copy";
    public static final String TIMESHEET = "/pathways/{id}/timesheet";
    public static final String TIMESHEET_REMOVE = "/pathways/{id}/timesheet/{entryId}/remove";
    public static final String TIMESHEET_PDF = "/pathways/{id}/timesheet/pdf";
    public static final String DOSSIER = "/pathways/{id}/dossier";
    public static final String DOSSIER_DOCUMENT = "/pathways/{id}/dossier/{documentId}";
    public static final String DOSSIER_ZIP = "/pathways/{id}/dossier/zip";
    /** The signed envelope (.p7m) a dossier document was uploaded in. */
    public static final String DOSSIER_ENVELOPE = "/pathways/{id}/dossier/{documentId}/p7m";
    public static final String TUTORS = "/pathways/tutors";
    public static final String TUTORS_XLSX = "/pathways/tutors/xlsx";
    public static final String TUTORS_ODS = "/pathways/tutors/ods";
    public static final String WORKLIST = "/pathways/worklist";
    public static final String MEETINGS = "/pathways/{id}/meetings";
    public static final String EXTEND = "/pathways/{id}/extend";
    public static final String SUSPEND = "/pathways/{id}/suspend";
    public static final String RESUME = "/pathways/{id}/resume";
    public static final String CLOSE = "/pathways/{id}/close";
    public static final String DIARY = "/pathways/{id}/diary";
    public static final String DIARY_REVIEW = "/pathways/{id}/diary/{entryId}/review";
    public static final String DIARY_PDF = "/pathways/{id}/diary/pdf";
    public static final String BREACH = "/pathways/{id}/breach";
    public static final String FEEDS = "/pathways/feeds";
    public static final String FEED_REVOKE = "/pathways/feeds/{feedId}/revoke";
    public static final String CALENDAR = "/calendar/{token}.ics";
    public static final String API_QUEUE = "/api/v1/pathways/queue";
    public static final String API_FIRST_APPOINTMENT = "/api/v1/pathways/queue/{requestId}/first-appointment";
    public static final String API_PAST_FIRST_APPOINTMENT = "/api/v1/pathways/queue/{requestId}/past-first-appointment";
    public static final String API_PATHWAY = "/api/v1/pathways/{id}";
    public static final String API_TUTOR = "/api/v1/pathways/{id}/tutor";
    public static final String API_PACT = "/api/v1/pathways/{id}/pact";
    public static final String API_PACT_AMEND = "/api/v1/pathways/{id}/pact/amend";
    public static final String API_PACT_SIGN = "/api/v1/pathways/{id}/pact/sign";
    public static final String API_TIMESHEET = "/api/v1/pathways/{id}/timesheet";
    public static final String API_TIMESHEET_REMOVE = "/api/v1/pathways/{id}/timesheet/{entryId}/remove";
    public static final String API_MEETINGS = "/api/v1/pathways/{id}/meetings";
    public static final String API_DIARY = "/api/v1/pathways/{id}/diary";
    public static final String API_DIARY_REVIEW = "/api/v1/pathways/{id}/diary/{entryId}/review";
    public static final String API_SUSPEND = "/api/v1/pathways/{id}/suspend";
    public static final String API_RESUME = "/api/v1/pathways/{id}/resume";
    public static final String API_EXTEND = "/api/v1/pathways/{id}/extend";
    public static final String API_CLOSE = "/api/v1/pathways/{id}/close";
    public static final String API_BREACH = "/api/v1/pathways/{id}/breach";

    private PathwayRoutes() {
    }

    public static String meetings(long id) {
        return Paths.of(MEETINGS, id);
    }

    public static String diary(long id) {
        return Paths.of(DIARY, id);
    }

    public static String pathway(long id) {
        return "/pathways/" + id;
    }

    public static String dossier(long id) {
        return "/pathways/" + id + "/dossier";
    }
}
