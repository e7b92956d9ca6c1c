package it.ricolloca.accounts.internal;

import it.ricolloca.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in from a source that the {@link SignInGuard} holds locked for that username (or for
 * every username) before any password is checked: the page says to wait, and the lock is not
 * lengthened by trying. Placed just before the login filter.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN = "/login";

    private final SignInGuard guard;
    private final AuditTrail audit;

    SignInThrottleFilter(SignInGuard guard, AuditTrail audit) {
        this.guard = guard;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !(request.getContextPath() + LOGIN).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        var until = guard.lockedUntil(username, request.getRemoteAddr());
        if (until.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        audit.recordAs(SignInGuard.key(username).substring(1), "LOGIN_REFUSED_LOCKED", "UserAccount", "", "");
        long minutes = Math.max(1, Duration.between(Instant.now(), until.get()).plusSeconds(59).toMinutes());
        response.sendRedirect(request.getContextPath() + LOGIN + "?locked=" + minutes);
    }
}
