package it.ricolloca.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.shared.CodiceFiscale;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests (Spring Authorization Server), started once in the test JVM on a
 * random port of 127.0.0.1 before the application's context, which is configured with its issuer (single
 * sign-on, ADR 0029) and accepts its client-credentials tokens (machine clients, ADR 0030). Its own login page is
 * Spring Security's default one (fields {@code Username} and {@code Password}, button {@code Sign in}).
 *
 * <p>People: {@link #OPERATOR} matches the demo account {@code operatore.torino}; {@link #STRANGER} matches no
 * account; {@link #DISABLED} matches an account the tests create disabled. Every one's password is
 * {@link #PASSWORD}. The ID token carries {@code preferred_username} and SPID's {@code fiscalNumber}
 * ({@code TINIT-} followed by the codice fiscale).
 *
 * <p>Clients: {@link #WEB_CLIENT} (Ricolloca's sign-in), {@link #MACHINE_CLIENT} (a data warehouse, registered in
 * Ricolloca by the tests that use it), {@link #PAGE_CLIENT} (registered through the administration page by its
 * test) and {@link #UNREGISTERED_CLIENT} (valid at the provider, unknown to Ricolloca), each with the secret
 * {@link #SECRET}.
 */
public final class TestIdentityProvider {

    public static final String OPERATOR = "operatore.torino";
    public static final String STRANGER = "persona.sconosciuta";
    public static final String DISABLED = "sso.disattivato";
    public static final String PASSWORD = "idp-prova";
    public static final String WEB_CLIENT = "ricolloca-web";
    public static final String MACHINE_CLIENT = "magazzino-dati";
    public static final String UNREGISTERED_CLIENT = "sistema-ignoto";
    /** A regional system registered in Ricolloca only through the machine clients' page (its test). */
    public static final String PAGE_CLIENT = "sistema-regionale";
    public static final String SECRET = "segreto-di-prova";
    /** The codici fiscali the ID tokens carry (as SPID's fiscalNumber, with its TINIT- prefix). */
    public static final Map<String, String> FISCAL_CODES = Map.of(OPERATOR, valid("RSSMRA80A01L219"),
            STRANGER, valid("VRDLGU75B02F205"), DISABLED, valid("BNCGNN70C03H501"));

    /** People the tests add while the provider runs (a worker of the register, say): username to codice fiscale. */
    private static final Map<String, String> ADDED_FISCAL_CODES = new ConcurrentHashMap<>();

    private static TestIdentityProvider started;

    private static String valid(String first15) {
        return first15 + CodiceFiscale.checkCharacter(first15);
    }

    private final ConfigurableApplicationContext context;
    private final int port;

    private TestIdentityProvider() {
        context = new AnnotationConfigServletWebServerApplicationContext(ProviderConfig.class);
        port = ((AnnotationConfigServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The provider, started at the first call (once per test JVM). */
    public static synchronized TestIdentityProvider start() {
        if (started == null) {
            started = new TestIdentityProvider();
            Runtime.getRuntime().addShutdownHook(new Thread(started.context::close));
        }
        return started;
    }

    /** The issuer, as Ricolloca is configured with it. */
    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Adds a person to the provider (password {@link #PASSWORD}) whose ID token carries this codice fiscale as
     * SPID's {@code fiscalNumber} (with its {@code TINIT-} prefix): a worker of the register, for the workers'
     * sign-in (ADR 0040). Adding the same username again changes nothing.
     */
    public synchronized void addPerson(String username, String fiscalCode) {
        var people = (InMemoryUserDetailsManager) context.getBean(UserDetailsService.class);
        if (!people.userExists(username)) {
            people.createUser(User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build());
        }
        ADDED_FISCAL_CODES.put(username, fiscalCode);
    }

    /** Lets Ricolloca on this port come back after sign-in and after signing out (exact URIs, as OIDC asks). */
    public void allowApplication(int applicationPort) {
        Clients clients = context.getBean(Clients.class);
        RegisteredClient web = clients.findByClientId(WEB_CLIENT);
        String base = "http://127.0.0.1:" + applicationPort;
        clients.save(RegisteredClient.from(web)
                .redirectUri(base + "/login/oauth2/code/regione")
                .postLogoutRedirectUri(base + "/login?logout")
                // The workers' sign-in: the same client, its own redirect address (ADR 0040).
                .redirectUri(base + "/login/oauth2/code/cittadino")
                .postLogoutRedirectUri(base + "/me/accedi?uscita")
                .build());
    }

    /** A client-credentials access token (JWT) of a client, for these scopes (space-separated). */
    public String clientCredentialsToken(String clientId, String scopes) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scopes, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("token refused: " + answer.statusCode() + " " + answer.body());
        }
        return m.group(1);
    }

    /**
     * The Ricolloca account the provider's {@link #DISABLED} person matches: created (regional, vacancy manager)
     * and disabled at the first call, for every test that needs a disabled account to sign in through the provider.
     */
    public static synchronized UserAccount disabledAccount(UserAccountRepository users,
            UserAdministration administration) {
        return users.findByUsername(DISABLED).filter(u -> !u.isEnabled()).orElseGet(() -> {
            CurrentUser region = users.findByUsername("regione").orElseThrow().toCurrentUser();
            UserAccount created = users.findByUsername(DISABLED).orElseGet(() -> administration.create(region,
                    DISABLED, "Utente Disattivato SSO", "sso.disattivato@example.org", null,
                    List.of(Role.REGIONAL_VACANCY_MANAGER), "Disattivato-SSO-2026!"));
            administration.setEnabled(region, created.getId(), false);
            return users.findByUsername(DISABLED).orElseThrow();
        });
    }

    /**
     * Starts the provider before the application's context and configures the application with it: single
     * sign-on (matched by {@code preferred_username}) and machine clients. Registered on {@link IntegrationTest}.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext application) {
            TestIdentityProvider provider = start();
            TestPropertyValues.of(
                    "ricolloca.sso.issuer-uri=" + provider.issuer(),
                    "ricolloca.sso.client-id=" + WEB_CLIENT,
                    "ricolloca.sso.client-secret=" + SECRET,
                    "ricolloca.sso.match-claim=preferred_username",
                    "ricolloca.machine-clients.issuer-uri=" + provider.issuer()).applyTo(application);
            application.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof WebServerInitializedEvent started && started.getApplicationContext() == application) {
                    provider.allowApplication(started.getWebServer().getPort());
                }
            });
        }
    }

    /** The registered clients, replaceable while the provider runs (the application's port comes later). */
    static final class Clients implements RegisteredClientRepository {

        private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();
        private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

        @Override
        public void save(RegisteredClient client) {
            byId.put(client.getId(), client);
            byClientId.put(client.getClientId(), client);
        }

        @Override
        public RegisteredClient findById(String id) {
            return byId.get(id);
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return byClientId.get(clientId);
        }
    }

    /**
     * The provider's own application: no auto-configuration, only what it needs. Not a {@code @Configuration}, so
     * that the application's component scan (which sees the test classes) leaves it alone; its beans are read in
     * lite mode, registered by class.
     */
    @EnableWebSecurity
    static class ProviderConfig {

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(InetAddress.getLoopbackAddress());
            // Requests reach the security filters only when some servlet is mapped: the default one answers 404.
            factory.getSettings().setRegisterDefaultServlet(true);
            return factory;
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, as -> as.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                    .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        InMemoryUserDetailsManager people() {
            return new InMemoryUserDetailsManager(
                    User.withUsername(OPERATOR).password("{noop}" + PASSWORD).roles("USER").build(),
                    User.withUsername(STRANGER).password("{noop}" + PASSWORD).roles("USER").build(),
                    User.withUsername(DISABLED).password("{noop}" + PASSWORD).roles("USER").build());
        }

        @Bean
        Clients registeredClients() {
            Clients clients = new Clients();
            clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(WEB_CLIENT)
                    .clientSecret("{noop}" + SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri("http://127.0.0.1:8080/login/oauth2/code/regione")
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
            for (String machine : new String[] {MACHINE_CLIENT, UNREGISTERED_CLIENT, PAGE_CLIENT}) {
                clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(machine)
                        .clientSecret("{noop}" + SECRET)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scope("ricolloca.read")
                        .scope("ricolloca.import")
                        .scope("ricolloca.write")
                        .build());
            }
            return clients;
        }

        /** The ID token names the person as Ricolloca may match them: username and SPID's fiscal number. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    String name = context.getPrincipal().getName();
                    context.getClaims().claim("preferred_username", name);
                    String code = FISCAL_CODES.containsKey(name) ? FISCAL_CODES.get(name) : ADDED_FISCAL_CODES.get(name);
                    if (code != null) {
                        context.getClaims().claim("fiscalNumber", "TINIT-" + code);
                    }
                }
            };
        }

        @Bean
        RSAKey signingKey() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        }

        @Bean
        JWKSource<SecurityContext> keys(RSAKey signingKey) {
            return new ImmutableJWKSet<>(new JWKSet(signingKey));
        }

        /** The user-info endpoint reads the provider's own access tokens. */
        @Bean
        JwtDecoder accessTokens(RSAKey signingKey) throws com.nimbusds.jose.JOSEException {
            return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
