package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.accounts.WorkerSignIn;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.shared.web.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the regional identity provider adds to the security chain, each part only when configured: sign-in
 * through the provider with the login page's button, signing out of the provider too, the switch that turns
 * the local passwords off (ADR 0029), and machine clients' JWTs on the API (ADR 0030).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SingleSignOnProperties.class, MachineClientProperties.class,
        WorkerSignInProperties.class})
class FederatedSignIn {

    /** Where a person the provider signed in, but Ricolloca refuses, is sent (public). */
    static final String REFUSED = "/login/regione/rifiutato";
    static final String LOGIN = "/login";
    /** Where a worker lands after signing out: their sign-in page, saying they are out. */
    static final String WORKER_SIGNED_OUT = MeRoutes.SIGN_IN + "?uscita";

    private final SingleSignOnProperties sso;
    private final MachineClientProperties machines;
    private final SignInOptions options;
    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final MachineClients clients;
    private final SignInGuard guard;
    private final Messages messages;
    private final WorkerSignInProperties workerSettings;
    private final ObjectProvider<WorkerSignIn> workers;

    FederatedSignIn(SingleSignOnProperties sso, MachineClientProperties machines, SignInOptions options,
            UserAccountRepository users, AuditTrail audit, MachineClients clients, SignInGuard guard,
            Messages messages, WorkerSignInProperties workerSettings, ObjectProvider<WorkerSignIn> workers) {
        this.workerSettings = workerSettings;
        this.workers = workers;
        this.sso = sso;
        this.machines = machines;
        this.options = options;
        this.users = users;
        this.audit = audit;
        this.clients = clients;
        this.guard = guard;
        this.messages = messages;
    }

    /** Adds to the chain what is configured; nothing at all when neither provider nor machine clients are. */
    void configure(HttpSecurity http) throws Exception {
        if (sso.enabled()) {
            ClientRegistrationRepository registrations = new RegionalProvider(sso, workerSettings);
            http.oauth2Login(login -> login
                    .loginPage(LOGIN)
                    .clientRegistrationRepository(registrations)
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .userInfoEndpoint(info -> info.oidcUserService(new SsoUserService(sso, users, audit,
                            workerSettings, workers::getIfAvailable)))
                    // A worker to their own pages, anyone else to the home page (ADR 0040).
                    .successHandler((request, response, authentication) -> response.sendRedirect(
                            request.getContextPath() + (authentication.getPrincipal() instanceof WorkerPrincipal
                                    ? MeRoutes.HOME : "/")))
                    .failureHandler(FederatedSignIn::refused));
            http.addFilterBefore(new ProviderReachable(registrations), OAuth2AuthorizationRequestRedirectFilter.class);
            var signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            signOut.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            signOut.setDefaultTargetUrl("/login?logout");
            // A worker signs out back to their own sign-in page (registered at the provider as well).
            var workerSignOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            workerSignOut.setPostLogoutRedirectUri("{baseUrl}" + WORKER_SIGNED_OUT);
            workerSignOut.setDefaultTargetUrl(WORKER_SIGNED_OUT);
            http.logout(logout -> logout.logoutSuccessHandler((request, response, authentication) -> {
                if (authentication != null && authentication.getPrincipal() instanceof WorkerPrincipal) {
                    workerSignOut.onLogoutSuccess(request, response, authentication);
                } else {
                    signOut.onLogoutSuccess(request, response, authentication);
                }
            }));
            // Signing out ends in a redirect to the provider: the form that posts /logout must be allowed to go there.
            http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                    SecurityConfig.CONTENT_SECURITY_POLICY.replace("form-action 'self'",
                            "form-action 'self' " + origin(sso.issuerUri())))));
        }
        if (!options.localPasswords()) {
            http.addFilterBefore(new LocalPasswordsOff(), UsernamePasswordAuthenticationFilter.class);
        }
        if (machines.enabled()) {
            http.addFilterBefore(new MachineClientFilter(decoder(machines), clients, guard, messages),
                    ApiTokenFilter.class);
        }
    }

    /** The provider refused, or Ricolloca refused the person: a page that says why, and no session. */
    private static void refused(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException {
        String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "";
        if (request.getRequestURI().endsWith("/" + WorkerSignInProperties.REGISTRATION)) {
            String why = SsoUserService.WORKER_UNKNOWN.equals(code) ? "sconosciuto"
                    : SsoUserService.WORKER_CLOSED.equals(code) ? "chiuso" : "errore";
            response.sendRedirect(request.getContextPath() + MeRoutes.REFUSED + "?motivo=" + why);
            return;
        }
        String reason = SsoUserService.UNKNOWN.equals(code) ? "sconosciuto"
                : SsoUserService.DISABLED.equals(code) ? "disattivato" : "errore";
        response.sendRedirect(request.getContextPath() + REFUSED + "?motivo=" + reason);
    }

    /** The issuer's JWTs, signed with the keys its discovery document names; read at the first token. */
    private static JwtDecoder decoder(MachineClientProperties machines) {
        return new SupplierJwtDecoder(() -> {
            JwtDecoder decoder = JwtDecoders.fromIssuerLocation(machines.issuerUri());
            if (machines.audience() == null || machines.audience().isBlank()) {
                return decoder;
            }
            return token -> {
                var jwt = decoder.decode(token);
                if (jwt.getAudience() == null || !jwt.getAudience().contains(machines.audience())) {
                    throw new org.springframework.security.oauth2.jwt.BadJwtException("audience");
                }
                return jwt;
            };
        });
    }

    static String origin(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    /**
     * The registrations of the regional provider, read from its discovery document at the first sign-in
     * (and again after a failure), so that Ricolloca starts while the provider is unreachable: the operators'
     * one and, when workers may sign in, the workers' one (the same client with its own redirect address, so
     * that the answer says whose sign-in it is, ADR 0040).
     */
    static final class RegionalProvider implements ClientRegistrationRepository {

        private final SingleSignOnProperties sso;
        private final WorkerSignInProperties workers;
        private final java.util.Map<String, ClientRegistration> registrations = new java.util.concurrent.ConcurrentHashMap<>();

        RegionalProvider(SingleSignOnProperties sso, WorkerSignInProperties workers) {
            this.sso = sso;
            this.workers = workers;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            boolean known = SingleSignOnProperties.REGISTRATION.equals(registrationId)
                    || (workers.enabled() && WorkerSignInProperties.REGISTRATION.equals(registrationId));
            if (!known) {
                return null;
            }
            return registrations.computeIfAbsent(registrationId, id -> ClientRegistrations
                    .fromIssuerLocation(sso.issuerUri())
                    .registrationId(id)
                    .clientId(sso.clientId())
                    .clientSecret(sso.clientSecret())
                    .scope(sso.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .build());
        }
    }

    /**
     * The sign-in button while the provider's discovery document cannot be read: the refusal page says to try
     * later, rather than an error (the button works again as soon as the provider answers).
     */
    private static final class ProviderReachable extends OncePerRequestFilter {

        private final ClientRegistrationRepository registrations;

        ProviderReachable(ClientRegistrationRepository registrations) {
            this.registrations = registrations;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String uri = request.getRequestURI();
            return !(request.getContextPath() + SignInOptions.SINGLE_SIGN_ON_START).equals(uri)
                    && !(request.getContextPath() + MeRoutes.SSO_START).equals(uri);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean worker = request.getRequestURI().endsWith(MeRoutes.SSO_START);
            try {
                registrations.findByRegistrationId(worker ? WorkerSignInProperties.REGISTRATION
                        : SingleSignOnProperties.REGISTRATION);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FederatedSignIn.class)
                        .warn("Regional identity provider unreachable: {}", e.toString());
                response.sendRedirect(request.getContextPath() + (worker ? MeRoutes.REFUSED : REFUSED)
                        + "?motivo=errore");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** The region turned the local passwords off: a posted password is not even read. */
    static final class LocalPasswordsOff extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod())
                    || !(request.getContextPath() + LOGIN).equals(request.getRequestURI());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.sendRedirect(request.getContextPath() + LOGIN + "?passwordsOff");
        }
    }
}
