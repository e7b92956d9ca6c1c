package it.ricolloca.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** A form's errors in Italian, by field and for the whole form, ready for the templates. */
public record FormErrors(Map<String, String> fields, List<String> global) {

    public static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    public static FormErrors of(BindingResult result, Messages messages) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String text = messages.t(error);
            if (error instanceof FieldError fe) {
                fields.putIfAbsent(fe.getField(), text);
            } else {
                global.add(text);
            }
        }
        return new FormErrors(fields, global);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String of(String field) {
        return fields.getOrDefault(field, "");
    }

    public boolean any() {
        return !fields.isEmpty() || !global.isEmpty();
    }
}
