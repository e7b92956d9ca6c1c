package it.ricolloca.shared.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Makes {@link Numbers} the only reader of a form's {@link BigDecimal}: a number the formatter of
 * {@link ItalianFormats} refuses (such as {@code 0.73} or {@code 1.65}) would otherwise be read
 * again by Spring's default number editor, which takes the point for a decimal mark. Here it
 * stays a field error with the user's input kept.
 */
@ControllerAdvice
class ItalianNumberBinding {

    @InitBinder
    void italianNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(Numbers.parse(text));
            }

            @Override
            public String getAsText() {
                return Numbers.input((BigDecimal) getValue());
            }
        });
    }
}
