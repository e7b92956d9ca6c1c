package it.ricolloca.shared.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one reader of every {@link BigDecimal} a form or a request parameter carries: {@link Numbers},
 * the Italian way. A number written otherwise ({@code 0.73}, {@code 1,650.50}) is a field error
 * ({@code typeMismatch.java.math.BigDecimal}) with the user's input kept; an editor registered on
 * every binder, because a formatter alone would let Spring's default number editor read again,
 * with the point as decimal mark, what it refused.
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
