package it.ricolloca.claims.web;

import it.ricolloca.claims.internal.ClaimWork.OfficeCap;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.shared.web.FormErrors;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A claim's page: the claim, what the user may do with it and, after a refused form, which form
 * it was ({@code failed}), what the user typed in it and its errors, so that form is shown again
 * with its values.
 */
public record ClaimPage(ClaimView claim, String worker, String office, List<DossierDocument> attachments,
        List<String> missing, OfficeCap cap, boolean canPrepare, boolean canSubmit, boolean canDecide, long maxMegabytes,
        LocalDate today, String failed, Map<String, String> values, FormErrors errors) {

    public static final String PROFILING = "profiling";
    public static final String ATTACHMENT = "attachment";
    public static final String REVIEW = "review";
    public static final String SUBMIT = "submit";
    public static final String PAYMENT = "payment";
    public static final String REFUSAL = "refusal";

    /** The errors of that form, none when another form failed. */
    public FormErrors errorsOf(String form) {
        return form.equals(failed) ? errors : FormErrors.NONE;
    }

    /** What the user typed in that form's field, or the value the page proposes. */
    public String value(String form, String field, String proposed) {
        return form.equals(failed) ? values.getOrDefault(field, "") : proposed;
    }
}
