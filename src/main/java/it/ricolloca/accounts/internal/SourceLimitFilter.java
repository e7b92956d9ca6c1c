package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.internal.SourceRateLimits.Kind;
import it.ricolloca.accounts.internal.SourceRateLimits.Take;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.ApiProblems;
import it.ricolloca.shared.web.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-source limits, before the security chain reads a password or a token: a sign-in ({@code POST /login})
 * takes a token of its source's sign-in bucket, a call carrying {@code Authorization: Bearer} (or a calendar
 * feed, whose URL is its token) one of the API bucket ({@link SourceRateLimits}). Over the limit, the login page
 * says when to try again and the API answers {@code 429} with {@code Retry-After} as an Italian problem. A source
 * held off the API for its wrong tokens ({@link SignInGuard#bearerLockedUntil}) is answered the same way. The
 * first refusal of a flood is audited, not every one.
 */
@Component
class SourceLimitFilter extends OncePerRequestFilter {

    private final SourceRateLimits limits;
    private final SignInGuard guard;
    private final AuditTrail audit;
    private final Messages messages;

    SourceLimitFilter(SourceRateLimits limits, SignInGuard guard, AuditTrail audit, Messages messages) {
        this.limits = limits;
        this.guard = guard;
        this.audit = audit;
        this.messages = messages;
    }

    /** Just before the security chain, after the container or the forwarded-headers filter set the source. */
    @Bean
    static FilterRegistrationBean<SourceLimitFilter> sourceLimitRegistration(SourceLimitFilter f) {
        FilterRegistrationBean<SourceLimitFilter> registration = new FilterRegistrationBean<>(f);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String source = request.getRemoteAddr();
        if ("POST".equals(request.getMethod()) && SignInThrottleFilter.LOGIN.equals(path)) {
            Take take = limits.take(Kind.SIGN_IN, source);
            if (!take.allowed()) {
                if (take.first()) {
                    audit.recordAs(SignInGuard.key(request.getParameter("username")).substring(1),
                            "SIGN_IN_SOURCE_LIMITED", "UserAccount", "",
                            Detail.of("audit.detail.sourceLimited", SourceAddress.network(source)).encoded());
                }
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(take.retryAfter().toSeconds()));
                response.sendRedirect(request.getContextPath() + SignInThrottleFilter.LOGIN + "?limited="
                        + take.retryAfter().toSeconds());
                return;
            }
        } else if (ApiTokenFilter.bearer(request) || "GET".equals(request.getMethod()) && path.startsWith("/calendar/")) {
            var locked = ApiTokenFilter.bearer(request) ? guard.bearerLockedUntil(source) : Optional.<Instant>empty();
            if (locked.isPresent()) {
                tooMany(request, response, Duration.between(Instant.now(), locked.get()), "api.tokensLocked", true);
                return;
            }
            Take take = limits.take(Kind.API, source);
            if (!take.allowed()) {
                if (take.first()) {
                    audit.recordAs(SourceAddress.network(source), "API_SOURCE_LIMITED", "ApiToken", "",
                            Detail.of("audit.detail.sourceLimited", SourceAddress.network(source)).encoded());
                }
                tooMany(request, response, take.retryAfter(), "api.tooManyRequests", false);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** 429 with the seconds to wait in {@code Retry-After}, and in the Italian detail as seconds or minutes. */
    private void tooMany(HttpServletRequest request, HttpServletResponse response, Duration wait, String key,
            boolean inMinutes) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiProblems.json(messages, 429, key, messages.t(key, inMinutes ? (seconds + 59) / 60 : seconds),
                request.getRequestURI()));
    }
}
