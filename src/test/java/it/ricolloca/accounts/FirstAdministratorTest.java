package it.ricolloca.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.ricolloca.RicollocaApplication;
import it.ricolloca.support.BenchmarkHttp;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new deployment on an empty external database gets its first regional administrator from the
 * {@code ricolloca.first-admin.*} settings, once; settings that break the rules stop the start and create
 * nobody.
 */
class FirstAdministratorTest {

    private static final String PASSWORD = "Primo-accesso-2026";

    @Test
    void anEmptyDatabaseGetsItsFirstAdministratorOnceAndOnlyWithAGoodPassword() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            JdbcClient server = JdbcClient.create(pg.getPostgresDatabase());
            server.sql("create database nuova_regione").update();
            server.sql("create database password_debole").update();
            String url = pg.getJdbcUrl("postgres", "nuova_regione");

            try (ConfigurableApplicationContext node = start(url, "amministratore.piemonte", PASSWORD)) {
                JdbcClient jdbc = node.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select username from accounts_user").query(String.class).list())
                        .containsExactly("amministratore.piemonte");
                assertThat(jdbc.sql("select r.role from accounts_user_role r").query(String.class).list())
                        .containsExactly("REGIONAL_ADMIN");
                assertThat(jdbc.sql("select count(*) from audit_entry where action = 'FIRST_ADMIN_CREATED'")
                        .query(Long.class).single()).isEqualTo(1);
                HttpClient browser = browser();
                BenchmarkHttp.signIn(browser, port(node), "amministratore.piemonte", PASSWORD);
                HttpResponse<String> centres = get(browser, node, "/centres");
                assertThat(centres.statusCode()).isEqualTo(200);
                assertThat(centres.body()).contains("Amministrazione regionale");
                assertThat(get(browser, node, "/users").statusCode()).isEqualTo(200);
            }

            // The settings left in place, even with another password, change nobody once a user exists.
            try (ConfigurableApplicationContext node = start(url, "amministratore.piemonte", "Un-altra-password-7")) {
                assertThat(node.getBean(JdbcClient.class).sql("select count(*) from accounts_user")
                        .query(Long.class).single()).isEqualTo(1);
                HttpClient browser = browser();
                BenchmarkHttp.signIn(browser, port(node), "amministratore.piemonte", PASSWORD);
                assertThat(get(browser, node, "/users").statusCode()).as("the first password still works")
                        .isEqualTo(200);
            }

            String weak = pg.getJdbcUrl("postgres", "password_debole");
            assertThatThrownBy(() -> start(weak, "amministratore.piemonte", "corta"))
                    .hasStackTraceContaining("non rispetta le regole").hasStackTraceContaining("almeno 10 caratteri");
            assertThatThrownBy(() -> start(weak, "Amministratore Piemonte!", PASSWORD))
                    .hasStackTraceContaining("non è valido");
            assertThat(JdbcClient.create(pg.getDatabase("postgres", "password_debole"))
                    .sql("select count(*) from accounts_user").query(Long.class).single()).isZero();
        }
    }

    @Test
    void theSettingsCanComeFromTheEnvironmentAsTheDeploymentGuideSays() {
        StandardEnvironment env = new StandardEnvironment();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        env.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, Map.of(
                "RICOLLOCA_FIRSTADMIN_USERNAME", "amministratore.piemonte", "RICOLLOCA_FIRSTADMIN_PASSWORD", PASSWORD)));
        ConfigurationPropertySources.attach(env);
        assertThat(env.getProperty("ricolloca.first-admin.username")).isEqualTo("amministratore.piemonte");
        assertThat(env.getProperty("ricolloca.first-admin.password")).isEqualTo(PASSWORD);
    }

    private static ConfigurableApplicationContext start(String url, String username, String password) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--ricolloca.first-admin.username=" + username, "--ricolloca.first-admin.password=" + password,
                "--ricolloca.first-admin.email=amministrazione@regione.example.it"));
        return new SpringApplicationBuilder(RicollocaApplication.class).run(args.toArray(String[]::new));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static HttpResponse<String> get(HttpClient browser, ConfigurableApplicationContext node, String path)
            throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
