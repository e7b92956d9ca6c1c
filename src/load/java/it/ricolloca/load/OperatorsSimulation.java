package it.ricolloca.load;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import it.ricolloca.RicollocaApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 * Run with {@code mvn -Pload gatling:test}.
 *
 * <p>Three phases, one after the other, in one run:
 * <ol>
 * <li>warm-up ({@code load.warmup.seconds}, default 30; 0 leaves it out): a few users go through every page of
 * the run, so that the burst meets a node whose code is compiled, as a node in service is; its figures are
 * printed apart, as those of a node just started;</li>
 * <li>the run: {@code load.users} users (90% CPI staff, 10% regional) all sign in in the same second, each
 * with its own session, then work for {@code load.minutes} minutes with pauses of 0.5–3 s;</li>
 * <li>throughput: {@code load.burst.users} signed-in users (default 20) request a worker's page without pause
 * for {@code load.burst.seconds} (default 20), then, with the same number of users, a static file of the same
 * node (its style sheet): requests per second of both and their ratio.</li>
 * </ol>
 * Every request is timed as its virtual user saw it ({@link Timings}); at the end a summary gives the sign-in
 * burst, the pages after it (all of them, and from the minute after the burst on), each page, and the
 * throughput, as the table of {@code docs/performance.md} needs them. A setting of the node may be changed for one
 * run with {@code -Dload.app.<setting>=<value>} (for instance
 * {@code -Dload.app.ricolloca.security.password-checks-at-once=200}).
 */
public class OperatorsSimulation extends Simulation {

    private static final int USERS = Integer.getInteger("load.users", 100);
    private static final int MINUTES = Integer.getInteger("load.minutes", 5);
    private static final int WORKERS = Integer.getInteger("load.workers", 50_000);
    private static final int PATHWAYS = Integer.getInteger("load.pathways", 20_000);
    private static final int WARMUP_SECONDS = Integer.getInteger("load.warmup.seconds", 30);
    private static final int WARMUP_USERS = Integer.getInteger("load.warmup.users", 5);
    private static final int BURST_USERS = Integer.getInteger("load.burst.users", 20);
    private static final int BURST_SECONDS = Integer.getInteger("load.burst.seconds", 20);
    /** Pages that start within this many seconds of the first sign-in are also reported apart. */
    private static final int SETTLING_SECONDS = Integer.getInteger("load.settling.seconds", 60);
    private static final List<String> NAMES = List.of("Rossi", "Bianchi", "Verdi", "Neri", "Gallo", "Conti", "Ricci",
            "Marino", "Greco", "Bruno");
    private static final String[] STAFF = {"master.torino", "operatore.torino", "tutor.torino", "master.novara",
        "operatore.novara", "tutor.novara"};

    static final String WARMUP = "riscaldamento";
    static final String SIGN_IN = "accesso";
    static final String RUN = "prova";
    static final String BURST_PAGE = "portata: scheda lavoratore";
    static final String BURST_STATIC = "portata: foglio di stile";
    static final String STATIC_PATH = "/css/app.css";

    private static final String APP_SETTING = "load.app.";

    private final ConfigurableApplicationContext app;
    private final Timings timings = new Timings();
    private final String settings;
    private String scaled = "";

    public OperatorsSimulation() throws Exception {
        Path data = Files.createTempDirectory("ricolloca-load");
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--ricolloca.embedded-db.data-dir=" + data.resolve("pg"), "--ricolloca.embedded-db.clean=true",
                "--ricolloca.demo=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=20", "--server.tomcat.threads.max=200",
                "--ricolloca.security.limits.exempt-sources=127.0.0.1,0:0:0:0:0:0:0:1,::1"));
        // -Dload.app.some.setting=value reaches the node as --some.setting=value (to compare settings run by run)
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(APP_SETTING)).sorted()
                .forEach(name -> args.add("--" + name.substring(APP_SETTING.length()) + "=" + System.getProperty(name)));
        settings = String.join(" ", args.subList(5, args.size()));
        app = new SpringApplicationBuilder(RicollocaApplication.class).run(args.toArray(String[]::new));
        long t0 = System.nanoTime();
        scale(app.getBean(JdbcClient.class));
        scaled = String.format(Locale.ROOT, "Ricolloca scaled to %,d workers and %,d pathways in %.1f s", WORKERS,
                PATHWAYS, (System.nanoTime() - t0) / 1e9);
        System.out.printf("%n%s%n", scaled);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();

        HttpProtocolBuilder protocol = http.baseUrl("http://localhost:" + port).disableCaching()
                .acceptHeader("text/html,application/xhtml+xml").acceptLanguageHeader("it-IT");
        Iterator<Map<String, Object>> staff = Stream.generate(() -> Map.<String, Object>of(
                "user", STAFF[ThreadLocalRandom.current().nextInt(STAFF.length)],
                "name", NAMES.get(ThreadLocalRandom.current().nextInt(NAMES.size())))).iterator();
        Iterator<Map<String, Object>> regional = Stream.generate(() -> Map.<String, Object>of(
                "user", ThreadLocalRandom.current().nextBoolean() ? "adr.regione" : "regione")).iterator();

        ScenarioBuilder operators = scenario("Operatori dei CPI").feed(staff).exec(signIn(SIGN_IN))
                .group(RUN).on(during(Duration.ofMinutes(MINUTES), true).on(staffPages(RUN)));
        ScenarioBuilder region = scenario("Agenzia regionale").feed(regional).exec(signIn(SIGN_IN))
                .group(RUN).on(during(Duration.ofMinutes(MINUTES), true).on(regionalPages(RUN)));
        ScenarioBuilder warmStaff = scenario("Riscaldamento, operatori").feed(staff).exec(signIn(WARMUP))
                .group(WARMUP).on(during(Duration.ofSeconds(WARMUP_SECONDS), true).on(staffPages(WARMUP)));
        ScenarioBuilder warmRegion = scenario("Riscaldamento, agenzia regionale").feed(regional).exec(signIn(WARMUP))
                .group(WARMUP).on(during(Duration.ofSeconds(WARMUP_SECONDS), true).on(regionalPages(WARMUP)));
        // The workers of the user's CPI: every scaled codice fiscale starts with LOAD (a surname may have none there)
        ScenarioBuilder throughput = scenario("Portata").feed(staff).exec(signIn("portata"))
                .exec(http("portata: elenco lavoratori").get("/workers?q=LOAD").check(status().is(200))
                        .check(regex("href=\"/workers/(\\d+)\"").findAll().saveAs("workers")))
                .exitHereIfFailed()
                .rendezVous(BURST_USERS)
                .group(BURST_PAGE).on(during(Duration.ofSeconds(BURST_SECONDS), true).on(
                        exec(session -> {
                            List<String> ids = session.getList("workers");
                            return session.set("worker", ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                        }).exec(timed(BURST_PAGE, "scheda lavoratore",
                                http(BURST_PAGE).get("/workers/#{worker}").check(status().is(200))))))
                .rendezVous(BURST_USERS)
                .group(BURST_STATIC).on(during(Duration.ofSeconds(BURST_SECONDS), true).on(
                        timed(BURST_STATIC, "foglio di stile", http(BURST_STATIC).get(STATIC_PATH)
                                .header("Accept", "text/css,*/*;q=0.1").check(status().is(200)))));

        // The run starts when the warm-up is over; the throughput when the operators' run is (the regional users'
        // loops end at the same time: both stop as soon as their minutes are up).
        PopulationBuilder run = operators.injectOpen(atOnceUsers(USERS - Math.max(1, USERS / 10)))
                .andThen(throughput.injectOpen(atOnceUsers(BURST_USERS)));
        PopulationBuilder regionRun = region.injectOpen(atOnceUsers(Math.max(1, USERS / 10)));
        List<PopulationBuilder> populations = WARMUP_SECONDS > 0
                ? List.of(warmStaff.injectOpen(atOnceUsers(Math.max(1, WARMUP_USERS - 1)))
                        .andThen(run, regionRun),
                    warmRegion.injectOpen(atOnceUsers(1)))
                : List.of(run, regionRun);
        // A user that cannot sign in leaves the others waiting at the throughput's meeting point: the run stops anyway.
        setUp(populations).protocols(protocol).assertions(global().failedRequests().count().is(0L))
                .maxDuration(Duration.ofSeconds(WARMUP_SECONDS + MINUTES * 60L + 2L * BURST_SECONDS + 180));
    }

    @Override
    public void after() {
        try {
            System.out.println(summary());
        } finally {
            app.close();
        }
    }

    /** The CPI staff's round: search a surname, open a worker found, released requests, agenda, worklist, board. */
    private ChainBuilder staffPages(String phase) {
        return exec(timed(phase, "cerca lavoratori", http("cerca lavoratori").get("/workers?q=#{name}")
                        .check(status().is(200))
                        .check(regex("href=\"/workers/(\\d+)\"").findRandom().optional().saveAs("worker"))))
                .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                .doIf(session -> session.contains("worker")).then(timed(phase, "scheda lavoratore",
                        http("scheda lavoratore").get("/workers/#{worker}").check(status().is(200))))
                .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                .exec(timed(phase, "richieste", http("richieste").get("/requests?status=RELEASED")
                        .check(status().is(200))))
                .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                .exec(timed(phase, "agenda", http("agenda").get("/agenda").check(status().is(200))))
                .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                .exec(timed(phase, "percorsi", http("percorsi").get("/pathways/worklist").check(status().is(200))))
                .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                .exec(timed(phase, "vetrina", http("vetrina").get("/vacancies?q=magazziniere")
                        .check(status().is(200))))
                .pause(Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    /** The regional staff's round: monitoring, pathways and results, and a ministerial list imported again. */
    private ChainBuilder regionalPages(String phase) {
        byte[] list = ("codice fiscale;data richiesta;stato;cpi competente\n"
                + "LOAD000000000001;01/03/2026;Rilasciato;CPI Torino – via Bologna\n"
                + "LOAD000000000002;01/03/2026;Richiesto;CPI Novara\n").getBytes(StandardCharsets.UTF_8);
        return exec(timed(phase, "monitoraggio", http("monitoraggio").get("/monitoring").check(status().is(200))))
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(timed(phase, "percorsi e risultati", http("percorsi e risultati").get("/monitoring/network")
                        .check(status().is(200))))
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(timed(phase, "modulo importazione", http("modulo importazione").get("/imports/new")
                        .check(status().is(200))
                        .check(css("input[name=_csrf]", "value").saveAs("csrf"))
                        .check(css("input[name=_once]", "value").saveAs("once"))))
                .exec(timed(phase, "importa elenco", http("importa elenco").post("/imports").asMultipartForm()
                        .bodyPart(StringBodyPart("_csrf", "#{csrf}"))
                        .bodyPart(StringBodyPart("_once", "#{once}"))
                        .bodyPart(StringBodyPart("snapshotDate", "2026-03-09"))
                        .bodyPart(ByteArrayBodyPart("file", list).fileName("elenco.csv").contentType("text/csv"))
                        .check(status().is(200))))
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    /** GET the login form, post it with its CSRF token, land on the home page signed in: timed as one. */
    private ChainBuilder signIn(String phase) {
        return group(phase).on(timed(phase, "accesso", exec(http("pagina di accesso").get("/login")
                .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("accesso").post("/login").formParam("username", "#{user}")
                        .formParam("password", "demo-ricolloca").formParam("_csrf", "#{csrf}")
                        .check(status().is(200), substring("Benvenuto")))));
    }

    private ChainBuilder timed(String phase, String name, HttpRequestActionBuilder request) {
        return timed(phase, name, exec(request));
    }

    /**
     * The steps timed as the user sees them, from before the first request to after the last response (redirects
     * followed). A step is failed when one of its checks failed; the session's own state is kept as it was.
     */
    private ChainBuilder timed(String phase, String name, ChainBuilder steps) {
        return exec(session -> session.set("timed.start", System.nanoTime()).set("timed.wasFailed", session.isFailed())
                        .markAsSucceeded())
                .exec(steps)
                .exec(session -> {
                    long end = System.nanoTime();
                    boolean ok = !session.isFailed();
                    timings.add(phase, name, session.getLong("timed.start"), end, ok);
                    return session.getBoolean("timed.wasFailed") ? session.markAsFailed() : session;
                });
    }

    /** The figures the table of docs/performance.md needs, in Markdown. */
    String summary() {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n==== Ricolloca load run: summary ====%n%s%nNode settings: %s%n",
                scaled, settings));
        var signIns = timings.select(t -> t.phase().equals(SIGN_IN));
        var pages = timings.select(t -> t.phase().equals(RUN));
        long zero = Timings.firstStart(signIns);
        long settled = zero + SETTLING_SECONDS * 1_000_000_000L;
        out.append(String.format(Locale.ROOT, "%,d users (%,d CPI staff, %,d regional) for %d min; warm-up %d s with "
                + "%d users before; sign-in burst: %,d sign-ins from the first start to the last answer in %.1f s%n",
                USERS, USERS - Math.max(1, USERS / 10), Math.max(1, USERS / 10), MINUTES, WARMUP_SECONDS,
                WARMUP_SECONDS > 0 ? Math.max(2, WARMUP_USERS) : 0, signIns.size(),
                (Timings.lastEnd(signIns) - zero) / 1e9));
        out.append(Timings.HEADER).append('\n');
        out.append(Timings.figures(signIns).row("sign-in burst (form, password, home page; all at once)"))
                .append('\n');
        out.append(Timings.figures(pages).row("**pages after sign-in, whole run**")).append('\n');
        out.append(Timings.figures(pages.stream().filter(t -> t.start() < settled).toList())
                .row("pages in the first " + SETTLING_SECONDS + " s after the burst began")).append('\n');
        out.append(Timings.figures(pages.stream().filter(t -> t.start() >= settled).toList())
                .row("pages from second " + SETTLING_SECONDS + " on")).append('\n');
        Timings.byName(pages).forEach((name, list) -> out.append(Timings.figures(list).row(name)).append('\n'));
        var warm = timings.select(t -> t.phase().equals(WARMUP) && !t.name().equals("accesso"));
        out.append(Timings.figures(warm).row("warm-up pages (node just started, excluded above)")).append('\n');

        var page = Timings.figures(timings.select(t -> t.phase().equals(BURST_PAGE)));
        var file = Timings.figures(timings.select(t -> t.phase().equals(BURST_STATIC)));
        out.append(String.format(Locale.ROOT, "%nThroughput, %d users without pause, %d s each, same node, same run:%n",
                BURST_USERS, BURST_SECONDS));
        out.append(Timings.HEADER).append('\n');
        out.append(page.row("worker's page /workers/{id}")).append('\n');
        out.append(file.row("static file " + STATIC_PATH + " (limit)")).append('\n');
        out.append(String.format(Locale.ROOT, "Worker's page %.1f requests/s, static file %.1f requests/s: "
                + "the page reaches %.0f%% of the static file's rate (ratio %.1f×)%n", page.perSecond(),
                file.perSecond(), page.perSecond() == 0 ? 0 : 100 * page.perSecond() / file.perSecond(),
                page.perSecond() == 0 ? 0 : file.perSecond() / page.perSecond()));
        int failed = Timings.figures(timings.select(t -> true)).failed();
        out.append(String.format(Locale.ROOT, "Failed timed steps in the whole run: %,d%n", failed));
        return out.toString();
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
