package it.ricolloca.conditionality;

/** The URLs of conditionality. */
public final class ConditionalityRoutes {

    public static final String QUEUE = "/conditionality";
    public static final String NEW = "/conditionality/new";
    public static final String BREACH = "/conditionality/{id}";
    public static final String JUSTIFICATION = "/conditionality/{id}/justification";
    public static final String DECISION = "/conditionality/{id}/decision";
    public static final String CSV = "/conditionality/decisions.csv";
    public static final String SUITABILITY = "/conditionality/suitability";
    public static final String FINDING = "/conditionality/{id}/finding";
    public static final String EXPORTS = "/conditionality/exports";
    public static final String API_BREACHES = "/api/v1/breaches";
    public static final String API_BREACH = "/api/v1/breaches/{id}";
    public static final String API_JUSTIFICATION = "/api/v1/breaches/{id}/justification";
    public static final String API_DECISION = "/api/v1/breaches/{id}/decision";
    public static final String API_FINDINGS = "/api/v1/breaches/{id}/findings";

    private ConditionalityRoutes() {
    }

    public static String breach(long id) {
        return "/conditionality/" + id;
    }

    public static String justification(long id) {
        return breach(id) + "/justification";
    }

    public static String decision(long id) {
        return breach(id) + "/decision";
    }

    public static String finding(long id) {
        return breach(id) + "/finding";
    }
}
