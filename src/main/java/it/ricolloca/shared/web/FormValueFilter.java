package it.ricolloca.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cleans every form and query value before anything reads it. The NUL character goes from all of
 * them: no text field needs it and PostgreSQL refuses it in text, which would turn a pasted or
 * hostile value into an error instead of a message. Line breaks go from every single-line field
 * (each run becomes one space): a browser cannot type one there, and one sent by hand would forge
 * lines wherever the value is written one per line (the log, a CSV, an e-mail header). The fields
 * that are text areas keep theirs: {@link #MULTI_LINE} names them, and a test holds the list to the
 * templates' text areas.
 */
@Component
class FormValueFilter extends OncePerRequestFilter {

    /** The names of the fields that pages write as text areas: their line breaks are the user's. */
    static final Set<String> MULTI_LINE = Set.of("actions", "answer", "body", "contactNote", "description", "evidence",
            "justification", "languages", "nextAppointments", "note", "notes", "offerDescription", "reason", "reasons",
            "skills", "text", "topics", "variants");

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

    @Bean
    static FilterRegistrationBean<FormValueFilter> formValueRegistration(FormValueFilter f) {
        FilterRegistrationBean<FormValueFilter> registration = new FilterRegistrationBean<>(f);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return clean(name, super.getParameter(name));
            }

            @Override
            public String[] getParameterValues(String name) {
                String[] values = super.getParameterValues(name);
                return values == null ? null : Arrays.stream(values).map(v -> clean(name, v)).toArray(String[]::new);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> clean = new LinkedHashMap<>();
                super.getParameterMap().forEach((k, v) -> clean.put(k,
                        Arrays.stream(v).map(value -> clean(k, value)).toArray(String[]::new)));
                return clean;
            }
        }, response);
    }

    static String clean(String name, String value) {
        if (value == null) {
            return null;
        }
        String s = value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
        return MULTI_LINE.contains(name) ? s : LINE_BREAKS.matcher(s).replaceAll(" ");
    }
}
