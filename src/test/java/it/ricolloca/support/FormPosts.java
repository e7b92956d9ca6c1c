package it.ricolloca.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A form posted as a page of Ricolloca posts it: with its CSRF token and a new one-time token (ADR 0018). */
public final class FormPosts {

    /** The field of the one-time token, as {@code shared/csrf.jte} writes it. */
    public static final String ONCE = "_once";

    private FormPosts() {
    }

    public static RequestPostProcessor csrfOnce() {
        return request -> {
            csrf().postProcessRequest(request);
            if (request.getParameter(ONCE) == null) {
                request.addParameter(ONCE, UUID.randomUUID().toString());
            }
            return request;
        };
    }
}
