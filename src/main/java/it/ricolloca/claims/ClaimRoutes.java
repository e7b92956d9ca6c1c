package it.ricolloca.claims;

/** The URLs of the reimbursement claims. */
public final class ClaimRoutes {

    public static final String REGISTER = "/claims";
    public static final String REGISTER_XLSX = "/claims/register.xlsx";
    public static final String REGISTER_ODS = "/claims/register.ods";
    public static final String CLAIM = "/claims/{id}";
    public static final String PROFILING = "/claims/{id}/profiling";
    public static final String ATTACHMENT = "/claims/{id}/attachments";
    public static final String REVIEW = "/claims/{id}/review";
    public static final String SUBMIT = "/claims/{id}/submit";
    public static final String PAYMENT = "/claims/{id}/payment";
    public static final String REFUSAL = "/claims/{id}/refusal";
    public static final String API_CLAIM = "/api/v1/claims/{id}";
    public static final String API_PATHWAY_CLAIM = "/api/v1/pathways/{pathwayId}/claim";
    public static final String API_PROFILING = "/api/v1/claims/{id}/profiling";
    public static final String API_REVIEW = "/api/v1/claims/{id}/review";
    public static final String API_SUBMIT = "/api/v1/claims/{id}/submit";
    public static final String API_PAYMENT = "/api/v1/claims/{id}/payment";
    public static final String API_REFUSAL = "/api/v1/claims/{id}/refusal";

    private ClaimRoutes() {
    }

    public static String claim(long id) {
        return "/claims/" + id;
    }

}
