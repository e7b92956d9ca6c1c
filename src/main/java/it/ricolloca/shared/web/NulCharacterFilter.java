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
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Removes the NUL character from every form and query value before anything reads it: no text
 * field needs it and PostgreSQL refuses it in text, which would turn a pasted or hostile value
 * into an error instead of a message.
 */
@Component
class NulCharacterFilter extends OncePerRequestFilter {

    @Bean
    static FilterRegistrationBean<NulCharacterFilter> nulCharacterRegistration(NulCharacterFilter f) {
        FilterRegistrationBean<NulCharacterFilter> registration = new FilterRegistrationBean<>(f);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return clean(super.getParameter(name));
            }

            @Override
            public String[] getParameterValues(String name) {
                String[] values = super.getParameterValues(name);
                return values == null ? null : Arrays.stream(values).map(NulCharacterFilter::clean).toArray(String[]::new);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> clean = new LinkedHashMap<>();
                super.getParameterMap().forEach((k, v) -> clean.put(k,
                        Arrays.stream(v).map(NulCharacterFilter::clean).toArray(String[]::new)));
                return clean;
            }
        }, response);
    }

    static String clean(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }
}
