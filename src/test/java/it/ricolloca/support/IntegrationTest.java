package it.ricolloca.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application context every integration test shares: the whole app on a real server
 * port, over the embedded PostgreSQL with the demo data. One configuration means one context. Single sign-on
 * and machine clients are configured against the {@link TestIdentityProvider}; local passwords stay on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestMailServer.class, SqlStatements.class})
// A real OpenID Connect provider, started before the context, which is configured with its issuer (ADR 0029, 0030)
@ContextConfiguration(initializers = TestIdentityProvider.Initializer.class)
public @interface IntegrationTest {
}
