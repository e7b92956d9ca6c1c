package it.ricolloca.load;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import it.ricolloca.RicollocaApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Operators at work on a node holding a region's data: Ricolloca is started here on a fresh
 * embedded PostgreSQL with the demo network and users, then scaled (by default 50,000 workers with
 * their requests and 20,000 pathways). CPI staff search workers, open them, list requests, the
 * agenda and their pathways; the regional staff read the monitoring and import a ministerial list.
 * Every virtual user signs in once with its own session. Run with {@code mvn -Pload gatling:test}.
 */
public class OperatorsSimulation extends Simulation {

    private static final int USERS = Integer.getInteger("load.users", 100);
    private static final int MINUTES = Integer.getInteger("load.minutes", 5);
    private static final int WORKERS = Integer.getInteger("load.workers", 50_000);
    private static final int PATHWAYS = Integer.getInteger("load.pathways", 20_000);
    private static final List<String> NAMES = List.of("Rossi", "Bianchi", "Verdi", "Neri", "Gallo", "Conti", "Ricci",
            "Marino", "Greco", "Bruno");

    private final ConfigurableApplicationContext app;

    public OperatorsSimulation() throws Exception {
        Path data = Files.createTempDirectory("ricolloca-load");
        app = new SpringApplicationBuilder(RicollocaApplication.class).run("--server.port=0",
                "--ricolloca.embedded-db.data-dir=" + data.resolve("pg"), "--ricolloca.embedded-db.clean=true",
                "--ricolloca.demo=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=20", "--server.tomcat.threads.max=200",
                "--ricolloca.security.limits.exempt-sources=127.0.0.1,0:0:0:0:0:0:0:1,::1");
        long t0 = System.nanoTime();
        scale(app.getBean(JdbcClient.class));
        System.out.printf("%nRicolloca scaled to %,d workers and %,d pathways in %.1f s%n", WORKERS, PATHWAYS,
                (System.nanoTime() - t0) / 1e9);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();

        HttpProtocolBuilder protocol = http.baseUrl("http://localhost:" + port).disableCaching()
                .acceptHeader("text/html,application/xhtml+xml").acceptLanguageHeader("it-IT");
        Iterator<Map<String, Object>> staff = Stream.generate(() -> {
            String[] users = {"master.torino", "operatore.torino", "tutor.torino", "master.novara", "operatore.novara",
                "tutor.novara"};
            return Map.<String, Object>of("user", users[ThreadLocalRandom.current().nextInt(users.length)],
                    "name", NAMES.get(ThreadLocalRandom.current().nextInt(NAMES.size())));
        }).iterator();
        Iterator<Map<String, Object>> regional = Stream.generate(() -> Map.<String, Object>of(
                "user", ThreadLocalRandom.current().nextBoolean() ? "adr.regione" : "regione")).iterator();
        byte[] list = ("codice fiscale;data richiesta;stato;cpi competente\n"
                + "LOAD000000000001;01/03/2026;Rilasciato;CPI Torino – via Bologna\n"
                + "LOAD000000000002;01/03/2026;Richiesto;CPI Novara\n").getBytes(StandardCharsets.UTF_8);

        ScenarioBuilder operators = scenario("Operatori dei CPI").feed(staff).exec(signIn())
                .during(Duration.ofMinutes(MINUTES)).on(
                        exec(http("cerca lavoratori").get("/workers?q=#{name}").check(status().is(200))
                                .check(regex("href=\"/workers/(\\d+)\"").findRandom().optional().saveAs("worker")))
                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                        .doIf(session -> session.contains("worker")).then(exec(http("scheda lavoratore")
                                .get("/workers/#{worker}").check(status().is(200))))
                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                        .exec(http("richieste").get("/requests?status=RELEASED").check(status().is(200)))
                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                        .exec(http("agenda").get("/agenda").check(status().is(200)))
                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                        .exec(http("percorsi").get("/pathways/worklist").check(status().is(200)))
                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                        .exec(http("vetrina").get("/vacancies?q=magazziniere").check(status().is(200)))
                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2)));

        ScenarioBuilder region = scenario("Agenzia regionale").feed(regional).exec(signIn())
                .during(Duration.ofMinutes(MINUTES)).on(
                        exec(http("monitoraggio").get("/monitoring").check(status().is(200)))
                        .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                        .exec(http("percorsi e risultati").get("/monitoring/network").check(status().is(200)))
                        .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                        .exec(http("modulo importazione").get("/imports/new").check(status().is(200))
                                .check(css("input[name=_csrf]", "value").saveAs("csrf"))
                                .check(css("input[name=_once]", "value").saveAs("once")))
                        .exec(http("importa elenco").post("/imports").asMultipartForm()
                                .bodyPart(StringBodyPart("_csrf", "#{csrf}"))
                                .bodyPart(StringBodyPart("_once", "#{once}"))
                                .bodyPart(StringBodyPart("snapshotDate", "2026-03-09"))
                                .bodyPart(ByteArrayBodyPart("file", list).fileName("elenco.csv").contentType("text/csv"))
                                .check(status().is(200)))
                        .pause(Duration.ofSeconds(1), Duration.ofSeconds(3)));

        setUp(operators.injectClosed(constantConcurrentUsers(USERS * 9 / 10).during(Duration.ofMinutes(MINUTES))),
                region.injectClosed(constantConcurrentUsers(Math.max(1, USERS / 10)).during(Duration.ofMinutes(MINUTES))))
                .protocols(protocol).assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        app.close();
    }

    /** GET the login form, post it with its CSRF token, land on the home page signed in. */
    private static ChainBuilder signIn() {
        return exec(http("pagina di accesso").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("accesso").post("/login").formParam("username", "#{user}")
                        .formParam("password", "demo-ricolloca").formParam("_csrf", "#{csrf}")
                        .check(status().is(200), substring("Benvenuto")));
    }

    /** The region's data: workers with their requests across the 25 CPIs, some of them in a pathway. */
    private static void scale(JdbcClient jdbc) {
        jdbc.sql("""
                with c as (select array_agg(id order by id) as ids from network_job_centre)
                insert into workers_worker (tax_code, first_name, last_name, competent_centre_id, needs_completion)
                select 'LOAD' || lpad(g::text, 12, '0'),
                    (array['Marco', 'Giulia', 'Luca', 'Sara', 'Paolo', 'Anna', 'Davide', 'Elena'])[1 + g % 8],
                    (array['Rossi', 'Bianchi', 'Verdi', 'Neri', 'Gallo', 'Conti', 'Ricci', 'Marino', 'Greco',
                        'Bruno'])[1 + g % 10], c.ids[1 + g % cardinality(c.ids)], false
                from c, generate_series(3, :n + 2) g""").param("n", WORKERS).update();
        jdbc.sql("""
                insert into requests_voucher_request (worker_id, request_date, status, status_date, competent_centre_id,
                    provider_type, provider_name, provider_office_id, channel, decision_date)
                select w.id, date '2026-02-01' + (w.id % 60)::int,
                    (array['REQUESTED', 'RELEASED', 'RELEASED', 'RELEASED', 'REJECTED'])[1 + w.id % 5],
                    date '2026-04-10', w.competent_centre_id, 'CPI', 'CPI', o.id, 'IMPORTED',
                    case when w.id % 5 between 1 and 3 then date '2026-04-10' end
                from workers_worker w join lateral (select min(id) as id from network_office o
                    where o.centre_id = w.competent_centre_id) o on true
                where w.tax_code like 'LOAD%'""").update();
        jdbc.sql("""
                insert into pathway_pathway (request_id, worker_id, centre_id, office_id, tutor_user_id, created_at)
                select r.id, r.worker_id, r.competent_centre_id, r.provider_office_id,
                    (select u.id from accounts_user u join accounts_user_role ur on ur.user_id = u.id
                     where u.centre_id = r.competent_centre_id and ur.role = 'CPI_TUTOR' limit 1), now()
                from requests_voucher_request r join workers_worker w on w.id = r.worker_id
                where w.tax_code like 'LOAD%' and r.status = 'RELEASED' order by r.id limit :n""")
                .param("n", PATHWAYS).update();
        jdbc.sql("""
                insert into agenda_appointment (office_id, worker_id, request_id, purpose, starts_at, ends_at, status,
                    from_agenda, booked_by, booked_at)
                select p.office_id, p.worker_id, p.request_id, 'FIRST',
                    timestamptz '2026-04-20 10:00+02' + (p.id % 30) * interval '1 day',
                    timestamptz '2026-04-20 11:00+02' + (p.id % 30) * interval '1 day', 'HELD', false, 'carico', now()
                from pathway_pathway p join workers_worker w on w.id = p.worker_id where w.tax_code like 'LOAD%'""")
                .update();
        jdbc.sql("analyze").update();
    }
}
