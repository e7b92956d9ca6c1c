package it.ricolloca.accounts.internal;

import it.ricolloca.shared.web.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request carrying {@code Authorization: Bearer <token>}; a wrong token gets 401 at once and
 * is counted against its source ({@link SignInGuard#failedBearer}). A source held off for its wrong tokens, or
 * over its rate of calls, was already answered 429 by {@link SourceLimitFilter}.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final SignInGuard guard;

    ApiTokenFilter(ApiTokens tokens, SignInGuard guard) {
        this.tokens = tokens;
        this.guard = guard;
    }

    /** Whether the request carries {@code Authorization: Bearer …}. */
    static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String source = request.getRemoteAddr();
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String raw = header.substring(PREFIX.length()).strip();
        Optional<AccountPrincipal> principal = raw.isEmpty() || raw.length() > 200 ? Optional.empty()
                : tokens.authenticate(raw);
        if (principal.isEmpty()) {
            guard.failedBearer(source);
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Accesso non autenticato",
                    "Token non valido o revocato");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(principal.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A machine client without credentials: 401 as an RFC 9457 problem. */
    static void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Accesso non autenticato",
                "Serve un token (Authorization: Bearer …) o un accesso valido");
    }

    /** An RFC 9457 problem written before the application (the API's errors are all problems). */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + ApiProblems.TYPE_PREFIX + "error." + status + "\",\"title\":\""
                + ApiProblems.escape(title) + "\",\"status\":" + status + ",\"detail\":\"" + ApiProblems.escape(message)
                + "\",\"instance\":\"" + ApiProblems.escape(request.getRequestURI()) + "\"}");
    }
}
