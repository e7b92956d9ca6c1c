package it.ricolloca.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.ricolloca.RicollocaApplication;
import it.ricolloca.support.BenchmarkHttp;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database stops for 20 seconds and comes back: meanwhile pages answer 503 with an Italian
 * page and the API with JSON, never a 500; afterwards the same node, not restarted, serves the
 * same signed-in session again.
 */
class DatabaseOutageTest {

    @TempDir
    Path data;

    @Test
    void pagesSayServiceUnavailableWhileTheDatabaseIsDownAndTheNodeRecoversAlone() throws Exception {
        int dbPort;
        try (ServerSocket s = new ServerSocket(0)) {
            dbPort = s.getLocalPort();
        }
        EmbeddedPostgres pg = database(dbPort);
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(RicollocaApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.connection-timeout=2000", "--ricolloca.demo=true",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            BenchmarkHttp.signIn(browser, port, "adr.regione");
            assertThat(get(browser, port, "/").body()).contains("Benvenuto");

            long down = System.nanoTime();
            pg.close();
            HttpResponse<String> page = get(browser, port, "/monitoring");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Servizio momentaneamente non disponibile", "nulla è stato salvato")
                    .doesNotContain("Exception", "org.postgresql");
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/api/v1/centres")).header("Authorization", "Bearer demo-token-regione")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("\"status\":503", "Servizio momentaneamente non disponibile");
            while (System.nanoTime() - down < Duration.ofSeconds(20).toNanos()) {
                assertThat(get(browser, port, "/workers").statusCode()).isEqualTo(503);
                Thread.sleep(2000);
            }

            pg = database(dbPort);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> get(browser, port, "/").statusCode() == 200);
            assertThat(get(browser, port, "/monitoring").body()).as("the same session, signed in")
                    .contains("Monitoraggio");
        } finally {
            pg.close();
        }
    }

    private EmbeddedPostgres database(int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
