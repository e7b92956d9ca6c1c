package it.ricolloca.claims;

/** The URLs of the reimbursement claims. */
public final class ClaimRoutes {

    public static final String REGISTER = "/claims";
    public static final String REGISTER_XLSX = "/claims/register.xlsx";
    public static final String CLAIM = "/claims/{id}";
    public static final String PROFILING = "/claims/{id}/profiling";
    public static final String ATTACHMENT = "/claims/{id}/attachments";
    public static final String REVIEW = "/claims/{id}/review";
    public static final String SUBMIT = "/claims/{id}/submit";
    public static final String PAYMENT = "/claims/{id}/payment";
    public static final String REFUSAL = "/claims/{id}/refusal";

    private ClaimRoutes() {
    }

    public static String claim(long id) {
        return "/claims/" + id;
    }

    /** One of the routes above for that claim: {@code path(PROFILING, 12)} is {@code /claims/12/profiling}. */
    public static String path(String route, long id) {
        return route.replace("{id}", String.valueOf(id));
    }
}
