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

}
