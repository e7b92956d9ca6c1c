package it.ricolloca.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.ricolloca.RicollocaApplication;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.agenda.internal.AppointmentReminders;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.requests.internal.ImportJobs;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.BenchmarkHttp;
import it.ricolloca.support.NodeWork;
import it.ricolloca.support.TestCodes;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes started in one test over the same PostgreSQL, as behind a load balancer:
 * a session opened on one is valid on the other; a form sent on one and again on the other acts once; two nodes releasing the same request at once give
 * one decision and one clear conflict; an import running on one is seen running on the other, which
 * cannot start a second one for that date; both nodes running the reminders job at once mail the worker
 * once (ShedLock and the appointment's version); a node killed in the middle of a large import leaves
 * nothing of it, and the other node soon imports the file again, completely.
 */
class MultiNodeTest {

    @Test
    void twoNodesShareSessionsDecideOnceAndMailOnce() throws Exception {
        int smtpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext a = node(pg, smtpPort, "--ricolloca.demo=true");
                ConfigurableApplicationContext b = node(pg, smtpPort)) {
            int portA = ((WebServerApplicationContext) a).getWebServer().getPort();
            int portB = ((WebServerApplicationContext) b).getWebServer().getPort();

            // A session opened on node A is valid on node B (Spring Session JDBC).
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            BenchmarkHttp.signIn(browser, portA, "master.torino");
            HttpResponse<String> onB = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(onB.statusCode()).isEqualTo(200);
            assertThat(onB.body()).contains("Benvenuto", "Utente master Torino");

            // A form sent on node A and sent again on node B (a retry through the balancer) acts once.
            HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            BenchmarkHttp.signIn(admin, portA, "regione");
            String coursePage = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portA + "/training"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String courseForm = "title=" + java.net.URLEncoder.encode("Corso inviato due volte", java.nio.charset
                    .StandardCharsets.UTF_8) + "&content=ACTIVATION_DIARY&hours=2&description=&_csrf="
                    + field(coursePage, "_csrf") + "&_once=" + field(coursePage, "_once");
            assertThat(postForm(admin, portA, "/training", courseForm).statusCode()).isEqualTo(302);
            HttpResponse<String> replayed = postForm(admin, portB, "/training", courseForm);
            assertThat(replayed.statusCode()).isEqualTo(409);
            assertThat(replayed.body()).contains("Modulo già inviato", "eseguita una volta sola");
            assertThat(a.getBean(JdbcClient.class).sql("select count(*) from training_course where title = ?")
                    .param("Corso inviato due volte").query(Long.class).single()).isEqualTo(1);

            // Node A and node B release the same request at the same moment: one decision, one conflict.
            long request = checkedRequest(a);
            long version = a.getBean(RequestQueries.class).load(user(a, "master.torino"), request).getVersion();
            String token = a.getBean(ApiTokens.class).create(user(a, "master.torino").id(), "due nodi", "regione");
            List<HttpResponse<String>> answers = together(
                    () -> release(portA, token, request, version), () -> release(portB, token, request, version));
            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertThat(statuses).containsExactly(200, 409);
            assertThat(answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow().body())
                    .contains("\"detail\"").containsAnyOf("modificata", "modificato", "già");
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select status from requests_voucher_request where id = ?").param(request)
                    .query(String.class).single()).isEqualTo("RELEASED");
            assertThat(jdbc.sql("select count(*) from audit_entry where action like '%RELEASE%' and record_id = ?")
                    .param(String.valueOf(request)).query(Long.class).single()).isEqualTo(1);

            // An import started on node A is seen running on node B, which cannot start another for that date.
            StringBuilder list = new StringBuilder("codice fiscale;data richiesta;stato;cpi competente\n");
            Random random = new Random(42);
            for (int i = 0; i < 50_000; i++) {
                list.append(TestCodes.random(random)).append(";02/03/2026;Richiesto;CPI Novara\n");
            }
            byte[] file = list.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            LocalDate snapshot = LocalDate.of(2026, 3, 9);
            java.util.UUID job = a.getBean(ImportJobs.class).start(user(a, "regione"), "grande.csv", file, snapshot);
            assertThat(b.getBean(ImportJobs.class).get(job).phase()).isIn(ImportJobs.Phase.READING, ImportJobs.Phase.WRITING);
            assertThatThrownBy(() -> b.getBean(ImportJobs.class).start(user(b, "regione"), "grande.csv", file, snapshot))
                    .hasMessage("import.job.running");
            await().atMost(Duration.ofMinutes(2)).until(() -> b.getBean(ImportJobs.class).get(job).phase()
                    == ImportJobs.Phase.DONE);
            assertThat(jdbc.sql("select count(*) from requests_import where snapshot_date = ?").param(snapshot)
                    .query(Long.class).single()).isEqualTo(1);

            // Both nodes run the reminders job at once: the worker is mailed once.
            a.getBean(PathwayStart.class).bookFirstAppointment(user(a, "master.torino"), request,
                    ZonedDateTime.now(Dates.ZONE).plusHours(2).withSecond(0).withNano(0), 60, "al telefono", null);
            together(() -> {
                a.getBean(AppointmentReminders.class).scheduled();
                return null;
            }, () -> {
                b.getBean(AppointmentReminders.class).scheduled();
                return null;
            });
            a.getBean(AppointmentReminders.class).sendDue();
            b.getBean(AppointmentReminders.class).sendDue();
            await().atMost(Duration.ofSeconds(30)).until(() -> reminders(mail).size() >= 1);
            Thread.sleep(2000);
            assertThat(reminders(mail)).hasSize(1);

            // Node A is killed in the middle of a large import: nothing of it is written, node B soon sees it
            // failed and imports the same file completely.
            StringBuilder big = new StringBuilder("codice fiscale;data richiesta;stato;cpi competente\n");
            for (int i = 0; i < 200_000; i++) {
                big.append(TestCodes.random(random)).append(";03/03/2026;Richiesto;CPI Asti\n");
            }
            byte[] bigFile = big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            LocalDate killed = LocalDate.of(2026, 3, 16);
            java.util.UUID doomed = a.getBean(ImportJobs.class).start(user(a, "regione"), "enorme.csv", bigFile, killed);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> b.getBean(ImportJobs.class).get(doomed).phase() == ImportJobs.Phase.WRITING);
            a.close();
            // Node A's threads may still complain while it goes down: they are not this test's concern.
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> b.getBean(ImportJobs.class).get(doomed).phase()
                    == ImportJobs.Phase.FAILED);
            assertThat(jdbc(b).sql("select count(*) from requests_import where snapshot_date = ?").param(killed)
                    .query(Long.class).single()).as("no partial import").isZero();
            java.util.UUID again = b.getBean(ImportJobs.class).start(user(b, "regione"), "enorme.csv", bigFile, killed);
            await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3))
                    .until(() -> b.getBean(ImportJobs.class).get(again).phase()
                    == ImportJobs.Phase.DONE);
            assertThat(jdbc(b).sql("select count(*) from requests_snapshot_entry e join requests_import i"
                    + " on i.id = e.import_id where i.snapshot_date = ?").param(killed).query(Long.class).single())
                    .isEqualTo(200_000);
        } finally {
            mail.stop();
        }
    }

    private static ConfigurableApplicationContext node(EmbeddedPostgres pg, int smtpPort, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--ricolloca.imports.heartbeat-every=PT1S",
                "--ricolloca.imports.node-silent-after=PT5S"));
        args.addAll(Arrays.asList(extra));
        return new SpringApplicationBuilder(RicollocaApplication.class).run(args.toArray(String[]::new));
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcClient.class);
    }

    private static CurrentUser user(ConfigurableApplicationContext node, String username) {
        return NodeWork.user(node, username);
    }

    /** A request of Torino with its three checks passed, filed on node A, ready to be decided. */
    private static long checkedRequest(ConfigurableApplicationContext a) {
        return NodeWork.checkedRequest(a, 2027, "nodo.doppio@example.org");
    }

    private static String field(String page, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(m.find()).as(name + " on the page").isTrue();
        return java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> postForm(HttpClient client, int port, String path, String form)
            throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> release(int port, String token, long request, long version) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/requests/" + request + "/release")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\": " + version + ", \"note\": \"nodo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs both at the same moment and returns their results in order. */
    @SafeVarargs
    private static <T> List<T> together(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<MimeMessage> reminders(GreenMail mail) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("nodo.doppio@example.org")
                        && m.getSubject().contains("Promemoria");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
