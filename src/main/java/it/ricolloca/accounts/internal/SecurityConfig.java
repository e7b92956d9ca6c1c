package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.web.MeRoutes;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Pages need a signed-in user and finer rules sit on each controller
 * ({@code @PreAuthorize}); the API and the actuator answer 401 instead of redirecting to the login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(LockoutPolicy.class)
class SecurityConfig {

    /**
     * Everything from the application itself, no inline script. Bootstrap Italia's stylesheet embeds images and a
     * font (its video player's icons) as data: URIs, which Chromium loads whether used or not: hence {@code data:}
     * for images and fonts. Its bundle, on loading, inserts one fixed style element for the video player's YouTube
     * support: allowed by the hash of its text and nothing else (its other styles are turned off by
     * {@code /js/bootstrap-italia-config.js}). A new version of the bundle that changes that text fails the browser
     * test that runs under this policy (ADR 0024).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'sha256-2irhcufRPQSZQZlPcQHSTEybF70/fg05aUNPkk/YE0Y='; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * A refused page: a worker who opens the home page goes to their own; any other refusal is the 403 error
     * page (for a worker as for an operator: an operator's page never runs for a worker, ADR 0040).
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException e) throws IOException, ServletException {
        boolean worker = WorkerPrincipal.current().isPresent();
        if (worker && "GET".equals(request.getMethod())
                && (request.getContextPath() + "/").equals(request.getRequestURI())) {
            response.sendRedirect(request.getContextPath() + MeRoutes.HOME);
            return;
        }
        new AccessDeniedHandlerImpl().handle(request, response, e);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, SignInGuard guard,
            AuditTrail audit, FederatedSignIn federation) throws Exception {
        var machineClients = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
        // A machine client's call needs no CSRF token only when a session cookie cannot be what authenticates it:
        // it carries a bearer token, or no session at all. A call that rides on a browser's session needs the token.
        RequestMatcher withoutSession = request -> ApiTokenFilter.bearer(request) || request.getRequestedSessionId() == null;
        var exemptFromCsrf = new AndRequestMatcher(machineClients, withoutSession);
        var failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setExceptionMappings(Map.of(
                LockedException.class.getName(), "/login?locked",
                DisabledException.class.getName(), "/login?disabled"));
        failure.setDefaultFailureUrl("/login?error");
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico")
                    .permitAll()
                // The accessibility statement and the privacy notice are public (AgID guidelines, GDPR art. 13).
                .requestMatchers(HttpMethod.GET, "/dichiarazione-accessibilita", "/informativa-privacy").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                // Single sign-on: the page that tells a person the provider knows why Ricolloca refuses them (ADR 0029).
                .requestMatchers(HttpMethod.GET, FederatedSignIn.REFUSED).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // Calendar feeds: the secret token in the URL is the credential (calendar apps cannot sign in).
                .requestMatchers(HttpMethod.GET, "/calendar/*.ics").permitAll()
                .requestMatchers("/actuator/**").hasRole("REGIONAL_ADMIN")
                // The worker's own pages (ADR 0040): their sign-in page and its refusal are public, the rest is
                // a worker session's and only theirs; every other page is the staff's and no worker's.
                .requestMatchers(HttpMethod.GET, MeRoutes.SIGN_IN, MeRoutes.REFUSED).permitAll()
                .requestMatchers(MeRoutes.PREFIX, MeRoutes.PREFIX + "/**").hasRole(WorkerPrincipal.ROLE)
                .anyRequest().access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                        AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(WorkerPrincipal.ROLE)))))
            .formLogin(form -> form
                .loginPage("/login")
                .defaultSuccessUrl("/", true)
                .failureHandler(failure)
                .permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .csrf(csrf -> csrf.ignoringRequestMatchers(exemptFromCsrf))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(ref -> ref.policy(ReferrerPolicy.NO_REFERRER)))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(
                    (request, response, e) -> ApiTokenFilter.unauthenticated(request, response), machineClients)
                // Someone not signed in who opens a worker's page signs in as a worker.
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(MeRoutes.SIGN_IN),
                    PathPatternRequestMatcher.withDefaults().matcher(MeRoutes.PREFIX + "/**"))
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(MeRoutes.SIGN_IN),
                    PathPatternRequestMatcher.withDefaults().matcher(MeRoutes.PREFIX))
                .accessDeniedHandler(SecurityConfig::denied))
            .addFilterBefore(new SignInThrottleFilter(guard, audit), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new ApiTokenFilter(tokens, guard), UsernamePasswordAuthenticationFilter.class);
        // Single sign-on, the local-password switch and machine clients, each only when configured (ADR 0029, 0030).
        federation.configure(http);
        return http.build();
    }
}
