package it.ricolloca.shared;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.RicollocaApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database keeps its data folder: what was created survives a restart, and the demo loads once. */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path folder;

    @Test
    void whatWasCreatedSurvivesARestart() {
        Path data = folder.resolve("pg");
        try (ConfigurableApplicationContext first = start(data)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(count(jdbc, "network_job_centre")).isEqualTo(25);
            jdbc.sql("update network_job_centre set email = 'riavvio@example.org' where code = 'ALBA'").update();
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext second = start(data)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select email from network_job_centre where code = 'ALBA'").query(String.class).single())
                    .isEqualTo("riavvio@example.org");
            assertThat(count(jdbc, "network_job_centre")).as("demo data is loaded only once").isEqualTo(25);
            assertThat(count(jdbc, "accounts_user")).isEqualTo(11);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(RicollocaApplication.class)
                .run("--server.port=0", "--ricolloca.embedded-db.data-dir=" + data, "--ricolloca.embedded-db.clean=false",
                        "--spring.main.banner-mode=off");
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
