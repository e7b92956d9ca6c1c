package it.ricolloca.workers;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.search.PeopleCopy;
import it.ricolloca.shared.search.PeopleSearch;
import it.ricolloca.support.BenchmarkHttp;
import it.ricolloca.support.Benchmarks;
import it.ricolloca.workers.internal.WorkerRegister;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People search at national scale (issue 21, ADR 0039): 1,000,000 workers with Italian surnames and names
 * (some accented) and codici fiscali built from them, searched the way operators type. For each typical
 * search: the register's page over HTTP (signed in as a regional user, who sees the whole register), the
 * search alone (count and page of 20), next to the limit measured in the same run: the bare count of the
 * matching rows through the trigram index, and an index lookup of one exact codice fiscale. Then the requests list
 * (ADR 0047: its own copy of its workers' names), as a CPI operator and as the regional user. Run with {@code mvn -Pbench test -Dtest=PeopleSearchBenchmark}; prints figures, asserts
 * nothing.
 */
class PeopleSearchBenchmark {

    private static final int WORKERS = 1_000_000;
    private static final int RUNS = 40;
    private static final int WARM_UP_ROUNDS = 15;

    @TempDir
    Path data;

    @Test
    void searchAMillionWorkers() throws Exception {
        try (ConfigurableApplicationContext app = Benchmarks.start(data)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            long seeded = seed(jdbc);
            System.out.printf("%nSeeded %,d workers (register now %,d) in %.1f s%n", seeded,
                    jdbc.sql("select count(*) from workers_worker").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);
            CurrentUser regional = app.getBean(UserAccountRepository.class).findByUsername("adr.regione").orElseThrow()
                    .toCurrentUser();
            WorkerRegister register = app.getBean(WorkerRegister.class);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = BenchmarkHttp.signedIn(port, "adr.regione");
            String base = "http://localhost:" + port + WorkerRoutes.WORKERS;

            // A real code of the seed, for the searches by codice fiscale and the exact lookup.
            String code = jdbc.sql("select tax_code from workers_worker where last_name = 'Rossi' and first_name = 'Nicolò'"
                    + " order by id limit 1").query(String.class).single();
            Map<String, String> searches = new LinkedHashMap<>();
            searches.put("surname fragment", "ferrari");
            searches.put("accented name typed without accent", "nicolo");
            searches.put("codice fiscale prefix", code.substring(0, 9));
            searches.put("codice fiscale fragment", code.substring(6, 11).toLowerCase());
            searches.put("two words, name and surname", "nicolo rossi");
            searches.put("whole codice fiscale", code);
            searches.put("surname fragment and name fragment", "bianc gius");
            searches.put("wide fragment, a root shared by 1 in 40 surnames of the seed", "ferrar");

            Callable<?> exact = () -> jdbc.sql("select id from workers_worker where tax_code = ?").param(code)
                    .query(Long.class).single();
            List<Double> exactTimes = times(exact);
            System.out.printf("%nLimit: index lookup of one exact codice fiscale: median %.2f ms, p95 %.2f ms%n",
                    Benchmarks.median(exactTimes), Benchmarks.p95(exactTimes));

            for (String word : List.of("nicolo", "ferrari", "ferrar")) {
                explain(jdbc, word);
            }

            // Warm-up (second pass): the server's code compiled before anything is timed, as on a node that has
            // been serving; one call per line left the first line (ferrari) paying the JIT of the whole page.
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (String q : searches.values()) {
                    page(http, base + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                    register.search(regional, q, 0, 20);
                }
                page(http, base);
            }
            System.out.printf("%nWarm-up: %d rounds of every page; load average %s%n", WARM_UP_ROUNDS, loadAverage());

            for (Map.Entry<String, String> s : searches.entrySet()) {
                String q = s.getValue();
                long matches = register.search(regional, q, 0, 20).getTotalElements();
                Callable<?> page = () -> page(http, base + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                Callable<?> alone = () -> register.search(regional, q, 0, 20);
                Callable<?> bare = () -> bareCount(jdbc, q);
                report(String.format("%s \"%s\": %,d workers found", s.getKey(), q, matches), page, alone, bare,
                        Benchmarks.median(exactTimes));
                before(jdbc, q);
            }
            report("no search (first page of the whole register, in order)", () -> page(http, base),
                    () -> register.search(regional, "", 0, 20),
                    () -> jdbc.sql("select count(*) from workers_worker").query(Long.class).single(),
                    Benchmarks.median(exactTimes));
            otherLists(app, jdbc, port, searches);
            pathwaysAndClaims(app, jdbc, port, searches);
            System.out.printf("%nLoad average at the end: %s%n", loadAverage());
        }
    }

    /**
     * The requests list searched (the pathways and claims lists search their own copies the same way): one request
     * for one worker in seven, about 5,700 per CPI, the list's copy of their names filled as at a first start
     * ({@link PeopleCopy#fillMissing}). For each search: the list's page over HTTP signed in as a Torino operator
     * (the CPI's list) and as the regional user (the whole network's list), next to the limit: the bare count of the
     * matches in the list's copy through its trigram index; and, for scale, the register's bare count.
     */
    private static void otherLists(ConfigurableApplicationContext app, JdbcClient jdbc, int port,
            Map<String, String> searches) throws Exception {
        long t = System.nanoTime();
        long seeded = jdbc.sql("""
                insert into requests_voucher_request (worker_id, request_date, status, status_date, competent_centre_id,
                    provider_type, provider_name, channel)
                select w.id, date '2026-01-02' + (w.id % 300)::int, 'RELEASED', date '2026-01-02' + (w.id % 300)::int + 3,
                    w.competent_centre_id, 'CPI', 'CPI', 'IMPORTED'
                from workers_worker w where w.id % 7 = 0""").update();
        jdbc.sql("vacuum analyze requests_voucher_request").update();
        long torino = app.getBean(UserAccountRepository.class).findByUsername("operatore.torino").orElseThrow()
                .toCurrentUser().centreId();
        System.out.printf("%nSeeded %,d requests in %.1f s, %,d of them at the Torino CPI%n", seeded,
                (System.nanoTime() - t) / 1e9, jdbc.sql("select count(*) from requests_voucher_request"
                        + " where competent_centre_id = ?").param(torino).query(Long.class).single());
        Workers workers = app.getBean(Workers.class);
        t = System.nanoTime();
        PeopleCopy requestsCopy = new PeopleCopy(jdbc, "requests_person", "requests_voucher_request",
                workers::searchTexts);
        int copied = requestsCopy.fillMissing();
        jdbc.sql("vacuum analyze requests_person").update();
        System.out.printf("%nThe list's copy: %,d workers' names copied from the register in %.1f s%n", copied,
                (System.nanoTime() - t) / 1e9);
        HttpClient operator = BenchmarkHttp.signedIn(port, "operatore.torino");
        HttpClient regional = BenchmarkHttp.signedIn(port, "adr.regione");
        String base = "http://localhost:" + port + it.ricolloca.requests.RequestRoutes.REQUESTS + "?q=";
        it.ricolloca.requests.internal.RequestQueries requestsList =
                app.getBean(it.ricolloca.requests.internal.RequestQueries.class);
        CurrentUser regionalUser = app.getBean(UserAccountRepository.class).findByUsername("adr.regione").orElseThrow()
                .toCurrentUser();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (String q : searches.values()) {
                page(operator, base + URLEncoder.encode(q, StandardCharsets.UTF_8));
                page(regional, base + URLEncoder.encode(q, StandardCharsets.UTF_8));
            }
        }
        System.out.printf("%nRequests list, warmed up (%d rounds); load average %s%n", WARM_UP_ROUNDS, loadAverage());
        for (String word : List.of("nicolo", "ferrar", "rssncl66d")) {
            explainList(jdbc, new org.springframework.transaction.support.TransactionTemplate(
                    app.getBean(org.springframework.transaction.PlatformTransactionManager.class)), requestsCopy, word,
                    torino);
        }
        for (Map.Entry<String, String> s : searches.entrySet()) {
            String q = s.getValue();
            String url = base + URLEncoder.encode(q, StandardCharsets.UTF_8);
            List<Double> cpi = times(() -> page(operator, url));
            List<Double> whole = times(() -> page(regional, url));
            List<Double> copy = times(() -> bareCount(jdbc, "requests_person", q));
            List<Double> register = times(() -> bareCount(jdbc, "workers_worker", q));
            List<Double> alone = times(() -> requestsList.search(regionalUser, null, null, q, 0, 20));
            System.out.printf("%nRequests list, %s \"%s\": %,d of the list's workers named (%,d in the register)%n",
                    s.getKey(), q, bareCount(jdbc, "requests_person", q), bareCount(jdbc, "workers_worker", q));
            pages(cpi, whole);
            System.out.printf("  the list's search alone, regional: median %7.1f ms, p95 %7.1f ms (count and 20 rows named)%n",
                    Benchmarks.median(alone), Benchmarks.p95(alone));
            limit(copy, cpi, whole);
            System.out.printf("  for scale, bare count in the register: median %7.1f ms%n", Benchmarks.median(register));
        }
    }

    /**
     * The pathways and claims lists searched as the requests list: a pathway for one seeded request in two (about
     * 71,000, 2,900 at the Torino CPI), one in five of them closed with a hire and its claim prepared (about 14,000),
     * each list's copy of its workers' names filled as at a first start. For each search: the list's page over HTTP
     * as a Torino operator and as the regional user, next to the bare count of the matches in the list's copy.
     */
    private static void pathwaysAndClaims(ConfigurableApplicationContext app, JdbcClient jdbc, int port,
            Map<String, String> searches) throws Exception {
        long t = System.nanoTime();
        long pathways = jdbc.sql("""
                insert into pathway_pathway (request_id, worker_id, centre_id, office_id, created_at, closed_on, outcome,
                    hire_contract)
                select r.id, r.worker_id, r.competent_centre_id,
                    (select min(o.id) from network_office o where o.centre_id = r.competent_centre_id),
                    r.status_date + time '10:00', case when r.id % 5 = 0 then r.status_date + 40 + (r.id % 31)::int end,
                    case when r.id % 5 = 0 then 'HIRED' end, case when r.id % 5 = 0 then 'PERMANENT' end
                from requests_voucher_request r where r.id % 2 = 0 and r.status = 'RELEASED'""").update();
        long claims = jdbc.sql("""
                insert into claims_claim (pathway_id, worker_id, centre_id, office_id, kind, status, outcome, closed_on,
                    tariff_date, contract, prepared_at, prepared_by)
                select p.id, p.worker_id, p.centre_id, p.office_id, 'SUCCESS', 'PREPARED', 'HIRED', p.closed_on,
                    p.closed_on, 'PERMANENT', now(), 'bench'
                from pathway_pathway p where p.outcome = 'HIRED'""").update();
        jdbc.sql("vacuum analyze pathway_pathway").update();
        jdbc.sql("vacuum analyze claims_claim").update();
        System.out.printf("%nSeeded %,d pathways and %,d claims in %.1f s%n", pathways, claims,
                (System.nanoTime() - t) / 1e9);
        Workers workers = app.getBean(Workers.class);
        record Listed(String name, String table, String route) {
        }
        List<Listed> lists = List.of(
                new Listed("Pathways list", "pathway_person", it.ricolloca.pathway.PathwayRoutes.PATHWAYS),
                new Listed("Claims register", "claims_person", it.ricolloca.claims.ClaimRoutes.REGISTER));
        t = System.nanoTime();
        int copied = new PeopleCopy(jdbc, "pathway_person", "pathway_pathway", workers::searchTexts).fillMissing()
                + new PeopleCopy(jdbc, "claims_person", "claims_claim", workers::searchTexts).fillMissing();
        jdbc.sql("vacuum analyze pathway_person").update();
        jdbc.sql("vacuum analyze claims_person").update();
        System.out.printf("%nThe two lists' copies: %,d workers' names copied from the register in %.1f s%n", copied,
                (System.nanoTime() - t) / 1e9);
        HttpClient operator = BenchmarkHttp.signedIn(port, "operatore.torino");
        HttpClient regional = BenchmarkHttp.signedIn(port, "adr.regione");
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Listed l : lists) {
                for (String q : searches.values()) {
                    String url = "http://localhost:" + port + l.route() + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
                    page(operator, url);
                    page(regional, url);
                }
            }
        }
        System.out.printf("%nPathways and claims lists, warmed up (%d rounds); load average %s%n", WARM_UP_ROUNDS,
                loadAverage());
        for (Listed l : lists) {
            for (Map.Entry<String, String> s : searches.entrySet()) {
                String q = s.getValue();
                String url = "http://localhost:" + port + l.route() + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
                List<Double> cpi = times(() -> page(operator, url));
                List<Double> whole = times(() -> page(regional, url));
                List<Double> copy = times(() -> bareCount(jdbc, l.table(), q));
                System.out.printf("%n%s, %s \"%s\": %,d of the list's workers named%n", l.name(), s.getKey(), q,
                        bareCount(jdbc, l.table(), q));
                pages(cpi, whole);
                limit(copy, cpi, whole);
            }
        }
    }

    /** A list's page timings, as the Torino operator and as the regional user. */
    private static void pages(List<Double> cpi, List<Double> whole) {
        System.out.printf("  page over HTTP, Torino operator:  median %7.1f ms, p95 %7.1f ms%n",
                Benchmarks.median(cpi), Benchmarks.p95(cpi));
        System.out.printf("  page over HTTP, regional user:    median %7.1f ms, p95 %7.1f ms%n",
                Benchmarks.median(whole), Benchmarks.p95(whole));
    }

    /** The limit, the bare count of the matches in the list's copy, and each page's ratio to it. */
    private static void limit(List<Double> copy, List<Double> cpi, List<Double> whole) {
        System.out.printf("  limit, bare count in the copy:    median %7.1f ms, p95 %7.1f ms; ratio Torino's page / limit"
                + " %.1f, regional page / limit %.1f%n", Benchmarks.median(copy), Benchmarks.p95(copy),
                Benchmarks.median(cpi) / Benchmarks.median(copy), Benchmarks.median(whole) / Benchmarks.median(copy));
    }

    /**
     * The plan of the requests list's statement for one word, the CPI's list and the whole network's (the list's
     * filters, its copy's condition and the count beside the page; ordered by request date instead of the computed
     * deadline), planned as the list's transaction plans it.
     */
    private static void explainList(JdbcClient jdbc, org.springframework.transaction.support.TransactionTemplate tx,
            PeopleCopy copy, String word, long centre) {
        PeopleSearch search = PeopleCopy.search(word);
        String where = " from requests_voucher_request r where (cast(:centre as bigint) is null"
                + " or r.competent_centre_id = :centre) and r.worker_id in"
                + " (select ps.worker_id from requests_person ps where " + search.sql() + ")";
        for (Long scope : java.util.Arrays.asList(centre, null)) {
            for (String sql : List.of("select r.id, count(*) over ()" + where
                    + " order by r.request_date, r.id limit 20")) {
                System.out.printf("%nEXPLAIN requests list, \"%s\", %s: %s%n", word, scope == null ? "network" : "CPI",
                        sql);
                // planned as the list's own transaction plans it
                tx.execute(status -> {
                    copy.planSearch(search);
                    return search.bind(jdbc.sql("explain (analyze, buffers) " + sql)).param("centre", scope)
                            .query(String.class).list();
                }).forEach(line -> System.out.println("  " + line));
            }
        }
    }

    /** The machine's load average (1, 5, 15 minutes): the cores are shared with other builds. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Before (the condition the register's list had until issue 21, as SQL): count and page of 20 by
     * {@code LIKE '%…%'} on the lower-cased names and a codice fiscale prefix, five runs.
     */
    private static void before(JdbcClient jdbc, String q) throws Exception {
        String where = " " + """
                from workers_worker w where w.tax_code like upper(:q) || '%'
                   or lower(w.last_name) like :like or lower(w.first_name) like :like
                   or lower(coalesce(w.first_name, '') || ' ' || coalesce(w.last_name, '')) like :like
                   or lower(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')) like :like""";
        String like = "%" + q.strip().toLowerCase() + "%";
        Callable<?> old = () -> {
            jdbc.sql("select count(*)" + where).param("q", q.strip()).param("like", like).query(Long.class).single();
            return jdbc.sql("select w.id" + where + " order by w.last_name nulls last, w.first_name, w.tax_code limit 20")
                    .param("q", q.strip()).param("like", like).query(Long.class).list();
        };
        old.call();
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            t.add(Benchmarks.time(old));
        }
        long found = jdbc.sql("select count(*)" + where).param("q", q.strip()).param("like", like).query(Long.class).single();
        System.out.printf("  before (LIKE without index or folding), count + 20 rows: median %.1f ms, max %.1f ms, %,d found%n",
                Benchmarks.median(t), t.stream().mapToDouble(Double::doubleValue).max().orElse(0), found);
    }

    /**
     * The plans of one frequent word, once (EXPLAIN ANALYZE, BUFFERS): the page as before (the list's order
     * walked and filtered), the count as before and capped, the page from the list's first rows, the page
     * from the materialized matches.
     */
    private static void explain(JdbcClient jdbc, String word) {
        String cond = "w.search_text like (select '%' || workers_fold(:q) || '%')";
        String order = " order by w.last_name nulls last, w.first_name, w.tax_code";
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("page as before", "select w.* from workers_worker w where w.search_text like '%' || workers_fold(:q) || '%'"
                + order + " limit 20");
        plans.put("exact count", "select count(*) from workers_worker w where " + cond);
        plans.put("capped count", "select count(*) from (select 1 from workers_worker w where " + cond + " limit 1001) c");
        plans.put("page from the list's first 2,000 rows", "select w.* from (select * from workers_worker w" + order
                + " limit 2000) w where " + cond + order + " limit 20");
        plans.put("page from the materialized matches", "with m as materialized (select w.* from workers_worker w where "
                + cond + ") select w.* from m w" + order + " limit 20");
        String keys = "select w.id, w.last_name, w.first_name, w.tax_code from workers_worker w where " + cond;
        String byM = order.replace("w.", "m.") + " limit 20";
        plans.put("second pass, one statement: matches read lazily, capped count, page sorted from them or from the"
                + " list's first 2,000 rows (index-only)", "with m as materialized (" + keys + "), p as materialized"
                + " (select c.n, case when c.n > 1000 then array(select w.id from (select w.id, w.last_name, w.first_name,"
                + " w.tax_code, w.search_text from workers_worker w" + order + " limit 2000) w where " + cond + order
                + " limit 20) end as win from (select count(*) as n from (select 1 from m limit 1001) x) c)"
                + " select p.n, case when p.n > 1000 and cardinality(p.win) = 20 then p.win else array(select m.id"
                + " from m" + byM + ") end from p");
        plans.forEach((name, sql) -> {
            System.out.printf("%nEXPLAIN \"%s\", %s%n", word, name);
            jdbc.sql("explain (analyze, buffers) " + sql).param("q", word).query(String.class).list()
                    .forEach(line -> System.out.println("  " + line));
        });
    }

    /** The bare count of the register's rows whose folded text holds every word, through the trigram index. */
    private static long bareCount(JdbcClient jdbc, String q) {
        return bareCount(jdbc, "workers_worker", q);
    }

    /** The bare count of a table's rows whose folded {@code search_text} holds every word, through its trigram index. */
    private static long bareCount(JdbcClient jdbc, String table, String q) {
        StringBuilder sql = new StringBuilder("select count(*) from " + table + " where true");
        List<String> words = List.of(q.strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and search_text like '%' || workers_fold(:w").append(i).append(") || '%'");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (int i = 0; i < words.size(); i++) {
            spec = spec.param("w" + i, words.get(i));
        }
        return spec.query(Long.class).single();
    }

    private static List<Double> times(Callable<?> c) throws Exception {
        c.call();
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            t.add(Benchmarks.time(c));
        }
        return t;
    }

    private static void report(String title, Callable<?> page, Callable<?> alone, Callable<?> bare, double exact)
            throws Exception {
        page.call();
        alone.call();
        bare.call();
        List<Double> p = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            p.add(Benchmarks.time(page));
            a.add(Benchmarks.time(alone));
            b.add(Benchmarks.time(bare));
        }
        double limit = Benchmarks.median(b);
        System.out.printf("%n%s%n", title);
        System.out.printf("  page over HTTP, signed in:      median %7.1f ms, p95 %7.1f ms%n", Benchmarks.median(p),
                Benchmarks.p95(p));
        System.out.printf("  search alone (count + 20 rows): median %7.1f ms, p95 %7.1f ms%n", Benchmarks.median(a),
                Benchmarks.p95(a));
        System.out.printf("  limit, bare count of the matches: median %.1f ms, p95 %.1f ms (exact code lookup %.2f ms)%n",
                limit, Benchmarks.p95(b), exact);
        System.out.printf("  ratio, search alone / bare count: %.1f; page / bare count: %.1f%n",
                Benchmarks.median(a) / limit, Benchmarks.median(p) / limit);
    }

    private static String page(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    /**
     * One million workers: a surname of 40 common roots and 12 endings (480 surnames, a few accented), one
     * of 60 names (Nicolò, Niccolò, Noè among them), the codice fiscale built from them as the real one is
     * (three consonants of each, year, month letter, day, place, check letter). The trigram index is
     * dropped for the load and built again after it, as a bulk load would.
     */
    private static long seed(JdbcClient jdbc) {
        String index = jdbc.sql("select indexdef from pg_indexes where indexname = 'workers_worker_search_ix'")
                .query(String.class).single();
        jdbc.sql("drop index workers_worker_search_ix").update();
        long n = jdbc.sql("""
                with c as (select array_agg(id order by id) as ids from network_job_centre),
                p as (
                    select g,
                        (array['Ross', 'Bianc', 'Ferrar', 'Espos', 'Roman', 'Colomb', 'Ricc', 'Marin', 'Grec', 'Brun',
                            'Gall', 'Cont', 'De Luc', 'Mancin', 'Costant', 'Giordan', 'Rizz', 'Lombard', 'Moret', 'Barbier',
                            'Fontan', 'Santor', 'Mariott', 'Ranier', 'Carus', 'Ferr', 'Gallott', 'Leon', 'Longh', 'Gentil',
                            'Martinell', 'Vitale', 'Serr', 'Coppol', 'De Angel', 'D''Angel', 'Cant', 'Parod', 'Orland', 'Pellegrin'])
                            [1 + (g / 60) % 40]
                        || (array['i', 'o', 'a', 'ini', 'etti', 'elli', 'one', 'ucci', 'ato', 'ieri', 'ù', 'ò'])[1 + (g / 2400) % 12]
                            as last_name,
                        (array['Giuseppe', 'Maria', 'Giovanni', 'Anna', 'Antonio', 'Giuseppina', 'Mario', 'Rosa', 'Luigi',
                            'Angela', 'Francesco', 'Giovanna', 'Angelo', 'Teresa', 'Vincenzo', 'Lucia', 'Pietro', 'Carmela',
                            'Salvatore', 'Caterina', 'Carlo', 'Francesca', 'Franco', 'Anna Maria', 'Domenico', 'Luisa',
                            'Bruno', 'Laura', 'Paolo', 'Elena', 'Michele', 'Paola', 'Giorgio', 'Chiara', 'Nicolò', 'Niccolò',
                            'Noè', 'Mosè', 'Andrea', 'Marco', 'Alessandro', 'Luca', 'Matteo', 'Lorenzo', 'Davide', 'Simone',
                            'Federico', 'Riccardo', 'Gabriele', 'Tommaso', 'Sara', 'Giulia', 'Martina', 'Chiara Maria',
                            'Alessia', 'Valentina', 'Silvia', 'Federica', 'Ilaria', 'Elisa'])[1 + g % 60] as first_name,
                        ((g::bigint * 7919) % 100000)::int as r
                    from generate_series(1, :n) g
                )
                insert into workers_worker (tax_code, first_name, last_name, birth_date, sex, competent_centre_id,
                    residence_municipality)
                select upper(rpad(regexp_replace(workers_fold(last_name), '[aeiou '' ]', '', 'g'), 3, 'x'))
                    || upper(rpad(regexp_replace(workers_fold(first_name), '[aeiou '' ]', '', 'g'), 3, 'x'))
                    || lpad((60 + r % 40)::text, 2, '0')
                    || substr('ABCDEHLMPRST', 1 + (r / 40) % 12, 1)
                    || lpad((1 + (g / 7) % 28 + case when g % 2 = 0 then 40 else 0 end)::text, 2, '0')
                    || substr('ABCDEFGHILM', 1 + (g / 196) % 11, 1) || lpad(((g / 2156) % 1000)::text, 3, '0')
                    || chr(65 + ((g / 2156000) + g) % 26),
                    first_name, last_name, date '1960-01-01' + (r % 14000), case when g % 2 = 0 then 'F' else 'M' end,
                    c.ids[1 + g % cardinality(c.ids)], 'Torino'
                from p, c
                on conflict (tax_code) do nothing""").param("n", WORKERS).update();
        long t = System.nanoTime();
        jdbc.sql(index).update();
        System.out.printf("%nTrigram index built in %.1f s%n", (System.nanoTime() - t) / 1e9);
        jdbc.sql("vacuum analyze workers_worker").update();
        return n;
    }
}
