package it.ricolloca.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Prometheus scrape credential (ADR 0035): one configured user, with HTTP Basic, whose only right is
 * {@code /actuator/prometheus}. This chain sees only that path and only a request that carries Basic credentials:
 * every other request, a person's session or bearer token on {@code /actuator/prometheus} included, goes on to
 * the application's chain ({@link SecurityConfig}) exactly as without it. Wrong credentials get 401; the scrape
 * creates no session. Off unless {@code ricolloca.metrics.scrape.username} is set.
 *
 * <p>The password is given in clear (hashed here at start) or already encoded with its {@code {id}} prefix, e.g.
 * {@code {bcrypt}$2a$10$…}, so that the configuration need not hold it in clear.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ricolloca.metrics.scrape.username")
class MetricsScrapeSecurity {

    static final String SCRAPE_PATH = "/actuator/prometheus";
    static final String ROLE = "METRICS_SCRAPER";

    /** Before the application's chain (which has no order) and any other chain it adds. */
    @Bean
    @Order(10)
    SecurityFilterChain metricsScrapeFilterChain(HttpSecurity http, PasswordEncoder encoder,
            @Value("${ricolloca.metrics.scrape.username}") String username,
            @Value("${ricolloca.metrics.scrape.password}") String password) throws Exception {
        if (username.isBlank() || password.isBlank()) {
            throw new IllegalStateException("ricolloca.metrics.scrape.username e ricolloca.metrics.scrape.password "
                    + "vanno impostati insieme e non vuoti");
        }
        String encoded = password.startsWith("{") ? password : encoder.encode(password);
        var scraper = new InMemoryUserDetailsManager(
                User.withUsername(username).password(encoded).roles(ROLE).build());
        var provider = new DaoAuthenticationProvider(scraper);
        provider.setPasswordEncoder(encoder);
        RequestMatcher withBasic = MetricsScrapeSecurity::basic;
        http
            .securityMatcher(new AndRequestMatcher(
                    PathPatternRequestMatcher.withDefaults().matcher(SCRAPE_PATH), withBasic))
            .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ROLE))
            .authenticationManager(new ProviderManager(provider))
            .httpBasic(basic -> basic.realmName("ricolloca-metrics"))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    static boolean basic(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
