package it.ricolloca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.support.NodeProcess;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node as a service manager runs it, in a JVM of its own on its embedded database: its health says UP
 * only once it can serve (the demo users it loads at start exist), and a stop (SIGTERM) ends it without
 * an error in its log (the database stops after the last bean that uses it).
 */
class NodeLifecycleTest {

    @Test
    void aNodeIsHealthyOnlyWhenItCanServeAndStopsWithoutErrors() throws Exception {
        int dbPort = NodeProcess.freePort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (NodeProcess node = NodeProcess.start("lifecycle", "384m", Map.of("ricolloca.demo", "true",
                "ricolloca.embedded-db.data-dir", "target/nodes/lifecycle-pg", "ricolloca.embedded-db.clean", "true",
                "ricolloca.embedded-db.port", String.valueOf(dbPort), "spring.main.banner-mode", "off"))) {
            long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            int status = -1;
            int answeredBefore = 0;
            while (status != 200 && System.nanoTime() < end && node.isAlive()) {
                status = node.health(http);
                if (status > 0 && status != 200) {
                    answeredBefore++;
                }
                if (status != 200) {
                    Thread.sleep(5);
                }
            }
            assertThat(status).as("healthy in time:\n" + node.tail()).isEqualTo(200);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres",
                    "postgres", "postgres"); ResultSet rs = c.createStatement().executeQuery(
                    "select count(*) from accounts_user where username in ('regione', 'master.torino', 'tutor.novara')")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the demo users exist when health first says UP (%d answers before it)",
                        answeredBefore).isEqualTo(3);
            }

            node.stop(Duration.ofMinutes(1));
            List<String> errors = node.output().lines()
                    .filter(l -> l.contains(" ERROR ") || l.contains(" WARN ") && l.contains("destroy")
                            || l.contains("I/O error") || l.contains("Broken pipe"))
                    .toList();
            assertThat(errors).as("the log of the stop").isEmpty();
            assertThat(node.output()).contains("Graceful shutdown complete");
        }
    }
}
