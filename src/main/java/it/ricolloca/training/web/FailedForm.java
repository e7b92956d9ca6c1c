package it.ricolloca.training.web;

import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.FormValues;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * The form a page shows again after a refusal: which one ({@code name}, for pages with several),
 * what the user typed in it (also where it could not be read) and its errors.
 */
public record FailedForm(String name, Map<String, String> values, FormErrors errors) {

    public static final FailedForm NONE = new FailedForm("", Map.of(), FormErrors.NONE);

    /** The form's values as the inputs show them back: numbers the Italian way, dates and times as their inputs want. */
    static FailedForm of(String name, BindingResult result, FormErrors errors, Object... namesAndValues) {
        Map<String, String> values = FormValues.shown(result, namesAndValues);
        return new FailedForm(name, values, errors);
    }

    public FormErrors errorsOf(String form) {
        return form.equals(name) ? errors : FormErrors.NONE;
    }

    /** What the user typed in that form's field, or what the page proposes. */
    public String value(String form, String field, String proposed) {
        return form.equals(name) ? values.getOrDefault(field, "") : proposed;
    }
}
