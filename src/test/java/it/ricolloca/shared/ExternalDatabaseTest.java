package it.ricolloca.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.ricolloca.RicollocaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With a datasource URL the application uses that server, and demo mode is off unless asked for. */
class ExternalDatabaseTest {

    @Test
    void anExternalServerGetsTheSchemaAndDemoDataOnlyOnRequest() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = start(url)) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                        .isGreaterThanOrEqualTo(4);
                assertThat(jdbc.sql("select count(*) from network_job_centre").query(Long.class).single()).isZero();
                assertThat(jdbc.sql("select count(*) from accounts_user").query(Long.class).single()).isZero();
                assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single())
                        .as("every statement planned for its values (ADR 0045)").isEqualTo("force_custom_plan");
            }
            try (ConfigurableApplicationContext app = start(url, "--ricolloca.demo=true")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from network_job_centre").query(Long.class).single()).isEqualTo(25);
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--server.port=0";
        args[1] = "--spring.datasource.url=" + url;
        args[2] = "--spring.datasource.username=postgres";
        args[3] = "--spring.datasource.password=postgres";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new SpringApplicationBuilder(RicollocaApplication.class).run(args);
    }
}
