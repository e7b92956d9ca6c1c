package it.ricolloca.shared.forms;

import it.ricolloca.shared.web.ErrorKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Every web form carries a one-time token ({@value #FIELD}, written with the CSRF field). The same form
 * sent twice (a double click that got past the page's guard, a browser's "send again", Back and resubmit,
 * a retried request) acts once: the second answers 409 with an Italian page and changes nothing. A form
 * that did nothing (answered with an error, shown again with its errors, refused with a problem message)
 * gives its token back, so the user may correct and send it again. Runs after Spring Security, so a form
 * without its CSRF token never spends one. A form posted without its token (a page of another origin, a
 * script, a client that dropped the field) is refused with 400 and changes nothing; the API
 * ({@value #API_PREFIX}…), whose acts carry versions and whose imports are idempotent, needs none.
 */
@Component
class SingleSubmissionFilter extends OncePerRequestFilter {

    static final String FIELD = "_once";
    static final String API_PREFIX = "/api/";
    private static final Logger log = LoggerFactory.getLogger(SingleSubmissionFilter.class);

    private final FormSubmissions submissions;

    SingleSubmissionFilter(FormSubmissions submissions) {
        this.submissions = submissions;
    }

    @Bean
    static FilterRegistrationBean<SingleSubmissionFilter> singleSubmissionRegistration(SingleSubmissionFilter f) {
        FilterRegistrationBean<SingleSubmissionFilter> registration = new FilterRegistrationBean<>(f);
        registration.setOrder(0); // after Spring Security's chain (-100)
        return registration;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getRequestURI()
                .startsWith(request.getContextPath() + API_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UUID> token = token(request.getParameter(FIELD));
        if (token.isEmpty()) {
            log.info("Modulo senza contrassegno di invio: {} {} rifiutato", request.getMethod(), request.getRequestURI());
            request.setAttribute(ErrorKeys.TITLE, "form.untokened.title");
            request.setAttribute(ErrorKeys.TEXT, "form.untokened.text");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (!submissions.claim(token.get())) {
            log.info("Modulo inviato di nuovo: {} {} rifiutato", request.getMethod(), request.getRequestURI());
            request.setAttribute(ErrorKeys.TITLE, "form.replayed.title");
            request.setAttribute(ErrorKeys.TEXT, "form.replayed.text");
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        boolean acted = false;
        try {
            chain.doFilter(request, response);
            acted = acted(request, response);
        } finally {
            if (!acted) {
                submissions.release(token.get());
            }
        }
    }

    /** The form did something: it was answered with a redirect (the pattern of every form here) and no problem. */
    private static boolean acted(HttpServletRequest request, HttpServletResponse response) {
        int status = response.getStatus();
        if (status < 300 || status >= 400) {
            return false;
        }
        return !(request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE) instanceof Map<?, ?> flash
                && flash.containsKey("problem"));
    }

    private static Optional<UUID> token(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
