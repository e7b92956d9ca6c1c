package it.ricolloca.vacancies.web;

import it.ricolloca.shared.web.Numbers;
import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers of the board's forms read only the Italian way. The shared formatter alone is not
 * enough: when it refuses a text, Spring falls back to its default editor, which takes
 * {@code 1.65} or {@code 37.5} as decimals instead of refusing them; an editor registered on the
 * binder is used instead of both, so a refusal stays a field error with the input kept.
 */
@ControllerAdvice(basePackageClasses = VacancyNumberBinding.class)
class VacancyNumberBinding {

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
