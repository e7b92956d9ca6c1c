package it.ricolloca.accounts.internal;

import it.ricolloca.shared.web.ApiProblems;
import it.ricolloca.shared.web.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a machine client's request: a bearer token shaped as a JWT, signed by the configured issuer,
 * of a client registered and enabled in Ricolloca, within the scopes it is registered for (ADR 0030). Personal
 * API tokens (not JWTs) go on to {@link ApiTokenFilter}. A wrong JWT counts as a wrong token of its source; a
 * source held off for its wrong tokens never gets here: {@link SourceLimitFilter} answers it 429 with
 * {@code Retry-After}, whichever kind of token it presents.
 */
class MachineClientFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final JwtDecoder decoder;
    private final MachineClients clients;
    private final SignInGuard guard;
    private final Messages messages;

    MachineClientFilter(JwtDecoder decoder, MachineClients clients, SignInGuard guard, Messages messages) {
        this.decoder = decoder;
        this.clients = clients;
        this.guard = guard;
        this.messages = messages;
    }

    /** Three dot-separated base64url parts: a JWT, never a personal token. */
    static boolean looksLikeJwt(String raw) {
        return raw.length() <= 8192 && raw.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = ApiTokenFilter.bearer(request)
                ? request.getHeader(HttpHeaders.AUTHORIZATION).substring(PREFIX.length()).strip() : "";
        if (!looksLikeJwt(raw)) {
            chain.doFilter(request, response);
            return;
        }
        // A source held off for its wrong tokens was already answered 429 by SourceLimitFilter, as for personal tokens.
        String source = request.getRemoteAddr();
        Jwt jwt;
        try {
            jwt = decoder.decode(raw);
        } catch (JwtException e) {
            guard.failedBearer(source);
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.machineClient.invalidToken");
            return;
        }
        String clientId = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getSubject();
        Optional<MachineClients.Client> client = clients.find(clientId).filter(MachineClients.Client::enabled);
        if (client.isEmpty()) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.machineClient.unknown");
            return;
        }
        Set<String> granted = new HashSet<>(scopes(jwt));
        granted.retainAll(client.get().scopes());
        String needed = MachineClients.requiredScope(request.getMethod(), pathOf(request));
        if (needed == null || !granted.contains(needed)) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "api.machineClient.outOfScope");
            return;
        }
        AccountPrincipal principal = new AccountPrincipal(client.get().asUser(), "", true, false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new MachineClientAuthentication(principal, granted));
        SecurityContextHolder.setContext(context);
        try {
            // The token is consumed here: the personal-token filter downstream must not read it again.
            chain.doFilter(new WithoutAuthorization(request), response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The token's scopes, as the {@code scope} claim (space-separated or a list) or {@code scp} give them. */
    static Set<String> scopes(Jwt jwt) {
        Object claim = jwt.hasClaim("scope") ? jwt.getClaim("scope") : jwt.getClaim("scp");
        Set<String> out = new HashSet<>();
        if (claim instanceof String s) {
            for (String part : s.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        } else if (claim instanceof Collection<?> c) {
            c.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        } else if (status == HttpServletResponse.SC_FORBIDDEN) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        }
        response.getWriter().write(ApiProblems.json(messages, status, key, messages.t(key), request.getRequestURI()));
    }

    /** The request without its {@code Authorization} header, once the machine client is authenticated. */
    private static final class WithoutAuthorization extends HttpServletRequestWrapper {

        WithoutAuthorization(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }
    }
}
