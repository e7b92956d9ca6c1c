package it.ricolloca.shared.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one formatter of decimal numbers for every form: a {@link BigDecimal} field reads and
 * writes the Italian way ({@link Numbers}); a number written otherwise is a field error
 * ({@code typeMismatch.java.math.BigDecimal}) with the user's input kept.
 */
@Configuration(proxyBeanMethods = false)
class ItalianFormats implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(BigDecimal.class, new Formatter<BigDecimal>() {
            @Override
            public BigDecimal parse(String text, Locale locale) {
                return Numbers.parse(text);
            }

            @Override
            public String print(BigDecimal value, Locale locale) {
                return Numbers.input(value);
            }
        });
    }
}
