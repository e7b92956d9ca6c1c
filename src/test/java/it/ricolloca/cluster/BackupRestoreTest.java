package it.ricolloca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import it.ricolloca.RicollocaApplication;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.support.BenchmarkHttp;
import it.ricolloca.support.NodeWork;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The restore procedure of docs/deployment.md, run: a node works on a database, it stops, {@code pg_dump}
 * takes a custom-format dump, {@code pg_restore} loads it into an empty database, and a node started on the
 * restored database finds every table, row and sequence as they were, the same signed-in session, the same
 * document bytes, and goes on writing.
 *
 * <p>It needs the PostgreSQL client tools on the PATH ({@code apt-get install -y postgresql-client}; .ci/run
 * installs them). A client older than 17 cannot dump the embedded PostgreSQL 17, so then the test runs its
 * server on the PostgreSQL 15 binaries the build copies to {@code target/backup-test-postgres} (ADR 0017).
 */
class BackupRestoreTest {

    private static final Path POSTGRES_15 = Path.of("target", "backup-test-postgres", "postgres.jar");

    @TempDir
    Path dir;

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseServesTheSameRecordsSessionsAndDocuments() throws Exception {
        Path pgDump = tool("pg_dump");
        Path pgRestore = tool("pg_restore");
        int clientMajor = major(run(pgDump, "--version"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (clientMajor < 17) {
            builder.setPgBinaryResolver(postgres15());
        }
        try (EmbeddedPostgres pg = builder.start()) {
            JdbcClient server = JdbcClient.create(pg.getPostgresDatabase());
            server.sql("create database ricolloca").update();
            String source = pg.getJdbcUrl("postgres", "ricolloca");

            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            byte[] scan = new byte[200_000];
            new Random(7).nextBytes(scan);
            long request;
            long document;
            try (ConfigurableApplicationContext node = start(source, "--ricolloca.demo=true")) {
                BenchmarkHttp.signIn(browser, port(node), "master.torino");
                request = NodeWork.checkedRequest(node, 31, "prima.del.backup@example.org");
                CurrentUser master = NodeWork.user(node, "master.torino");
                node.getBean(RequestWorkflow.class).release(master, request,
                        node.getBean(RequestQueries.class).load(master, request).getVersion(), "prima del backup");
                long worker = node.getBean(JdbcClient.class).sql(
                        "select worker_id from requests_voucher_request where id = ?").param(request)
                        .query(Long.class).single();
                document = node.getBean(Dossier.class).storeGenerated(worker, DocumentKind.OTHER, "Scansione",
                        "scansione.bin", "application/octet-stream", scan, "master.torino").id();
            }
            Map<String, String> before = fingerprint(JdbcClient.create(database(pg, "ricolloca")));
            assertThat(before).containsKeys("table requests_voucher_request", "table spring_session",
                    "table documents_document", "table flyway_schema_history");

            // The procedure of docs/deployment.md: a custom-format dump, an empty database, pg_restore.
            Path dump = dir.resolve("ricolloca.dump");
            run(pgDump, "--format=custom", "--no-owner", "--file=" + dump, "--dbname=" + libpq(pg, "ricolloca"));
            server.sql("create database ricolloca_restored").update();
            run(pgRestore, "--no-owner", "--exit-on-error", "--dbname=" + libpq(pg, "ricolloca_restored"),
                    dump.toString());
            assertThat(fingerprint(JdbcClient.create(database(pg, "ricolloca_restored"))))
                    .as("every table's rows and every sequence, restored as they were").isEqualTo(before);

            // A node on the restored database, demo mode off: the same session, the same records, and new work.
            try (ConfigurableApplicationContext node = start(pg.getJdbcUrl("postgres", "ricolloca_restored"))) {
                HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port(node) + "/")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).as("signed in before the backup, still signed in")
                        .contains("Utente master Torino");
                JdbcClient jdbc = node.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select status from requests_voucher_request where id = ?").param(request)
                        .query(String.class).single()).isEqualTo("RELEASED");
                assertThat(node.getBean(Dossier.class).content(document).orElseThrow().bytes()).isEqualTo(scan);
                long after = NodeWork.checkedRequest(node, 32, "dopo.il.ripristino@example.org");
                assertThat(after).as("sequences go on from where the dump left them").isGreaterThan(request);
                assertThat(jdbc.sql("select count(*) from audit_entry where record_id = ?").param(String.valueOf(after))
                        .query(Long.class).single()).isPositive();
            }
        }
    }

    /** Every table's row count and a digest of its rows, and every sequence's value. */
    private static Map<String, String> fingerprint(JdbcClient jdbc) {
        Map<String, String> print = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' order by table_name").query(String.class).list();
        for (String table : tables) {
            print.put("table " + table, jdbc.sql("select count(*) || ' ' || coalesce(md5(string_agg(md5(t::text), ''"
                    + " order by md5(t::text))), '') from public.\"" + table + "\" t").query(String.class).single());
        }
        jdbc.sql("select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = 'public'")
                .query((rs, n) -> print.put("sequence " + rs.getString(1), rs.getString(2))).list();
        return print;
    }

    private static ConfigurableApplicationContext start(String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(RicollocaApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static DataSource database(EmbeddedPostgres pg, String name) {
        return pg.getDatabase("postgres", name);
    }

    private static String libpq(EmbeddedPostgres pg, String database) {
        return "postgresql://postgres@localhost:" + pg.getPort() + "/" + database;
    }

    /** The PostgreSQL 15 server the build copied beside the classes (see the pom). */
    private static PgBinaryResolver postgres15() {
        assertThat(POSTGRES_15).as("the build copies PostgreSQL 15 here (mvn generate-test-resources)").exists();
        return (system, hardware) -> {
            try (ZipFile jar = new ZipFile(POSTGRES_15.toFile())) {
                var entry = jar.getEntry(String.format("postgres-%s-%s.txz", system.toLowerCase(java.util.Locale.ROOT), hardware));
                if (entry == null) {
                    throw new IOException("no PostgreSQL 15 for " + system + "-" + hardware);
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return new ByteArrayInputStream(in.readAllBytes());
                }
            }
        };
    }

    private static Path tool(String name) {
        Optional<Path> found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
        assertThat(found).as(name + " is needed: apt-get install -y postgresql-client (.ci/run does it)").isPresent();
        return found.get();
    }

    private static int major(String version) {
        Matcher m = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
        assertThat(m.find()).as("the version printed by pg_dump: " + version).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String run(Path tool, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(tool + " finished").isTrue();
        assertThat(process.exitValue()).as(tool.getFileName() + " " + String.join(" ", args) + "\n" + output).isZero();
        return output;
    }
}
