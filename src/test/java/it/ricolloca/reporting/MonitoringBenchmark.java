package it.ricolloca.reporting;

import it.ricolloca.support.Benchmarks;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.reporting.internal.NetworkFigures;
import it.ricolloca.reporting.internal.ReportFilter;
import it.ricolloca.reporting.internal.ReportTable;
import it.ricolloca.reporting.internal.RequestsByCentre;
import it.ricolloca.support.BenchmarkHttp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitoring table at national scale: 550 CPIs, 1,000,000 requests in a ministerial list and
 * 900,000 in the previous one. The page over HTTP and the report alone, next to the bare SQL
 * aggregate on the same data in the same run. Run with {@code mvn -Pbench test
 * -Dtest=MonitoringBenchmark}; prints figures, asserts nothing.
 */
class MonitoringBenchmark {

    private static final int CENTRES = 550;
    private static final int REQUESTS = 1_000_000;
    private static final int RUNS = 20;

    @TempDir
    Path data;

    @Test
    void monitoringOverAMillionRequests() throws Exception {
        try (ConfigurableApplicationContext app = Benchmarks.start(data)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            long last = seed(jdbc);
            System.out.printf("%nSeeded %d CPIs and %,d requests in two lists in %.1f s%n", CENTRES, REQUESTS,
                    (System.nanoTime() - t0) / 1e9);
            CurrentUser adr = app.getBean(UserAccountRepository.class).findByUsername("adr.regione").orElseThrow()
                    .toCurrentUser();
            RequestsByCentre report = app.getBean(RequestsByCentre.class);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = BenchmarkHttp.signedIn(port, "adr.regione");
            URI page = URI.create("http://localhost:" + port + "/monitoring?snapshotDate=2026-05-22");
            Callable<?> http200 = () -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("Totale complessivo")) {
                    throw new IllegalStateException("monitoring page not rendered: " + r.statusCode());
                }
                return r;
            };
            Callable<?> alone = () -> report.report(adr, LocalDate.of(2026, 5, 22)).orElseThrow();
            Callable<?> bare = () -> jdbc.sql("""
                    select competent_centre_id, status, count(*) from requests_snapshot_entry
                    where import_id = ? group by competent_centre_id, status""").param(last).query().listOfRows();
            List<Double> p = new ArrayList<>();
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            double firstView = Benchmarks.time(alone);
            http200.call();
            bare.call();
            for (int i = 0; i < RUNS; i++) {
                p.add(Benchmarks.time(http200));
                a.add(Benchmarks.time(alone));
                b.add(Benchmarks.time(bare));
            }
            System.out.printf("%nMonitoring table, %d CPIs, %,d requests in the list in force (previous list %,d)%n",
                    CENTRES, REQUESTS, REQUESTS * 9 / 10);
            line("bare SQL aggregate over the list (limit)", b, null);
            line("report alone (all figures)", a, b);
            line("page over HTTP, signed in (goal: 1.5x, < 150 ms)", p, b);
            System.out.printf("  first report after the two imports (counts each list once): %7.1f ms%n", firstView);
            networkFigures(app, jdbc, http, port, adr);
        }
    }

    /** The funnel and the whole page of pathway figures over the same million requests, 100,000 of them in a pathway. */
    private static void networkFigures(ConfigurableApplicationContext app, JdbcClient jdbc, HttpClient http, int port,
            CurrentUser adr) throws Exception {
        long t0 = System.nanoTime();
        long office = jdbc.sql("select min(id) from network_office").query(Long.class).single();
        jdbc.sql("""
                insert into pathway_pathway (request_id, worker_id, centre_id, office_id, created_at, closed_on, outcome,
                    hire_contract)
                select r.id, r.worker_id, r.competent_centre_id, :office, now(),
                    case when r.id % 5 = 0 then r.status_date + 40 + (r.id % 31)::int end,
                    case when r.id % 5 = 0 then 'HIRED' end,
                    case when r.id % 5 = 0 then 'PERMANENT' end
                from requests_voucher_request r join workers_worker w on w.id = r.worker_id
                where w.tax_code like 'BNCM%' and r.status = 'RELEASED' limit 100000""")
                .param("office", office).update();
        jdbc.sql("""
                insert into agenda_appointment (office_id, worker_id, request_id, purpose, starts_at, ends_at, status,
                    from_agenda, booked_by, booked_at)
                select p.office_id, p.worker_id, p.request_id, 'FIRST',
                    (r.status_date + (p.id % 20)::int + time '10:00') at time zone 'Europe/Rome',
                    (r.status_date + (p.id % 20)::int + time '11:00') at time zone 'Europe/Rome', 'HELD', true, 'bench', now()
                from pathway_pathway p join requests_voucher_request r on r.id = p.request_id
                join workers_worker w on w.id = p.worker_id where w.tax_code like 'BNCM%'""").update();
        jdbc.sql("""
                insert into pathway_pact (pathway_id, version_no, status, signed_on, created_by, created_at)
                select p.id, 1, 'SIGNED', r.status_date + 20 + (p.id % 10)::int, 'bench', now()
                from pathway_pathway p join requests_voucher_request r on r.id = p.request_id
                join workers_worker w on w.id = p.worker_id where w.tax_code like 'BNCM%'""").update();
        jdbc.sql("analyze").update();
        System.out.printf("%nSeeded %,d pathways with first appointment and pact in %.1f s (kept funnel lines with a first"
                + " appointment: %,d; kept counts %,d, day histogram rows %,d; invited day counts %,d)%n",
                jdbc.sql("select count(*) from pathway_pathway").query(Long.class).single(), (System.nanoTime() - t0) / 1e9,
                jdbc.sql("select count(*) from reporting_funnel_request where first_on is not null").query(Long.class).single(),
                jdbc.sql("select count(*) from reporting_funnel_count").query(Long.class).single(),
                jdbc.sql("select count(*) from reporting_funnel_days").query(Long.class).single(),
                jdbc.sql("select count(*) from reporting_invited_day_count").query(Long.class).single());
        NetworkFigures figures = app.getBean(NetworkFigures.class);
        ReportFilter year = new ReportFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null);
        Callable<?> funnel = () -> figures.table(adr, NetworkFigures.TableId.FUNNEL, year);
        Callable<?> scan = () -> jdbc.sql("""
                select competent_centre_id, count(*) from requests_voucher_request
                where request_date between date '2026-01-01' and date '2026-12-31' group by competent_centre_id""")
                .query().listOfRows();
        URI page = URI.create("http://localhost:" + port + "/monitoring/network?from=2026-01-01&to=2026-12-31");
        Callable<?> http200 = () -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("Dalla richiesta")) {
                throw new IllegalStateException("network page not rendered: " + r.statusCode());
            }
            return r;
        };
        // The page's limit: one grouped pass over each large set its tables read (requests, invitations, pathways).
        Callable<?> passes = () -> {
            scan.call();
            jdbc.sql("""
                    select w.competent_centre_id, count(*) from workers_invitation i join workers_worker w on w.id = i.worker_id
                    where i.invitation_date between date '2026-01-01' and date '2026-12-31' group by w.competent_centre_id""")
                    .query().listOfRows();
            return jdbc.sql("select centre_id, count(*) from pathway_pathway group by centre_id").query().listOfRows();
        };
        funnel.call();
        scan.call();
        http200.call();
        passes.call();
        List<Double> f = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<Double> l = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            f.add(Benchmarks.time(funnel));
            s.add(Benchmarks.time(scan));
            p.add(Benchmarks.time(http200));
            l.add(Benchmarks.time(passes));
        }
        System.out.printf("%nFunnel and pathway figures, %,d requests of the year, 100,000 pathways%n", REQUESTS);
        line("requests of the year counted per CPI (limit of the funnel)", s, null);
        line("funnel with its four medians (goal: 2x)", f, s);
        line("one pass each over requests, invitations, pathways (limit of the page)", l, null);
        line("whole page (7 tables and the chart), HTTP (goal: 2x)", p, l);
        for (NetworkFigures.TableId t : NetworkFigures.TableId.values()) {
            List<Double> x = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                x.add(Benchmarks.time(() -> figures.table(adr, t, year)));
            }
            System.out.printf("    table %-16s median %7.1f ms%n", t.slug(), Benchmarks.median(x));
        }
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        System.out.printf("    %-44s (%d lines, %s)%n", "funnel as NetworkFigures has it (kept counts)",
                figures.table(adr, NetworkFigures.TableId.FUNNEL, year).lines().size() + 1,
                hash(figures.table(adr, NetworkFigures.TableId.FUNNEL, year), 9));
        System.out.printf("    %-44s (%d lines, %s)%n", "information as NetworkFigures has it (kept)",
                figures.table(adr, NetworkFigures.TableId.INFORMATION, year).lines().size() + 1,
                hash(figures.table(adr, NetworkFigures.TableId.INFORMATION, year), 4));
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put("funnel before V78 (joins, sorts)", FORMER_FUNNEL);
        candidates.put("funnel from the kept lines, sorts", KEPT_FUNNEL);
        candidates.put("information before V79", INFORMATION);
        for (Map.Entry<String, String> c : candidates.entrySet()) {
            int columns = c.getKey().startsWith("information") ? 4 : 9;
            List<Double> x = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                x.add(Benchmarks.time(() -> tx.execute(st -> {
                    rows.clear();
                    rows.addAll(jdbc.sql(c.getValue()).param("from", year.from()).param("to", year.to())
                            .param("province", null).query((rs, n) -> values(rs, columns)).list());
                    return null;
                })));
            }
            System.out.printf("    %-44s median %7.1f ms (%d lines, %s)%n", c.getKey(), Benchmarks.median(x), rows.size(),
                    rows.stream().sorted().toList().hashCode());
        }
        importStatements(app, jdbc);
        System.out.println("  (the number after the lines: a hash of the sorted figures; the same hash, the same figures)");
    }

    private static void line(String what, List<Double> xs, List<Double> limit) {
        if (limit == null) {
            System.out.printf("  %-72s median %7.1f ms, p95 %7.1f ms%n", what, Benchmarks.median(xs), Benchmarks.p95(xs));
        } else {
            System.out.printf("  %-72s median %7.1f ms, p95 %7.1f ms, ratio to the limit %.2f%n", what,
                    Benchmarks.median(xs), Benchmarks.p95(xs), Benchmarks.median(xs) / Benchmarks.median(limit));
        }
    }

    private static String values(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        List<BigDecimal> v = new ArrayList<>();
        for (int i = 3; i < 3 + columns; i++) {
            BigDecimal x = rs.getBigDecimal(i);
            v.add(x == null ? null : i > 7 ? x.setScale(1, RoundingMode.HALF_UP) : x);
        }
        return v.toString();
    }

    /** The same hash as the candidates': the sorted figures of every line and the total, the first columns of each. */
    private static int hash(ReportTable t, int columns) {
        List<String> rows = new ArrayList<>();
        t.lines().forEach(l -> rows.add(l.values().subList(0, columns).toString()));
        rows.add(t.total().values().subList(0, columns).toString());
        return rows.stream().sorted().toList().hashCode();
    }

    /**
     * What the funnel's triggers on the requests cost the ministerial import: its two large statements on the
     * requests (a million new requests, the same workers' next year's; the next week's 111,111 moved from Richiesto to Rilasciato) timed with
     * the triggers and with them disabled (as on the main line), each in a transaction rolled back.
     */
    private static void importStatements(ConfigurableApplicationContext app, JdbcClient jdbc) throws Exception {
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        String insert = """
                insert into requests_voucher_request (worker_id, request_date, status, status_date, competent_centre_id,
                    provider_type, provider_name, channel)
                select worker_id, request_date + 400, status, status_date + 400, competent_centre_id, provider_type,
                    provider_name, channel
                from requests_voucher_request where channel = 'IMPORTED' and provider_name is not null""";
        String update = """
                update requests_voucher_request set status = 'RELEASED', status_date = status_date + 3
                where status = 'REQUESTED' and channel = 'IMPORTED' and (worker_id / 6) % 3 <> 0""";
        System.out.printf("%nThe import's statements on the requests, with the funnel's triggers and without (rolled back)%n");
        for (String[] st : new String[][] {{"insert of the million requests", insert, "reporting_funnel_requests_added"},
                {"update of the next week's changed requests", update, "reporting_funnel_requests_changed"}}) {
            for (int round = 0; round < 2; round++) {
                for (boolean with : new boolean[] {true, false}) {
                    long[] rows = new long[1];
                    double ms = Benchmarks.time(() -> tx.execute(status -> {
                        if (!with) {
                            jdbc.sql("alter table requests_voucher_request disable trigger " + st[2]).update();
                        }
                        rows[0] = jdbc.sql(st[1]).update();
                        status.setRollbackOnly();
                        return null;
                    }));
                    System.out.printf("  %-44s %-16s %,9d rows %9.1f ms%n", st[0], with ? "with triggers" : "without", rows[0], ms);
                }
            }
        }
    }

    /** The information table as NetworkFigures had it before V79 (distinct invited workers joined to the register). */
    private static final String INFORMATION = """
                with v as (
                    select distinct worker_id from workers_invitation where invitation_date between :from and :to),
                i as (
                    select worker_id, bool_or(about_service and about_voluntary and about_conditionality
                        and about_suitable_offer) as fully
                    from workers_information where informed_on between :from and :to group by worker_id),
                x as (
                    select w.competent_centre_id as centre, v.worker_id is not null as invited,
                        i.worker_id is not null as informed, coalesce(i.fully, false) as fully
                    from workers_worker w join network_job_centre j on j.id = w.competent_centre_id
                    left join v on v.worker_id = w.id left join i on i.worker_id = w.id
                    where (v.worker_id is not null or i.worker_id is not null)
                      and (cast(:province as varchar) is null or j.province = :province))
                select centre, grouping(centre), count(*) filter (where invited), count(*) filter (where informed),
                    count(*) filter (where fully), count(*) filter (where invited and informed), null
                from x group by grouping sets ((centre), ())""";

    /** The funnel over the kept line per request with its four sorted medians (the branch before the kept counts). */
    private static final String KEPT_FUNNEL = """
            with r as (
                select r.centre_id as centre, r.request_date, r.released_on, r.first_on, r.pact_on, r.hired_on
                from reporting_funnel_request r join network_job_centre j on j.id = r.centre_id
                where r.request_date between :from and :to
                  and (cast(:province as varchar) is null or j.province = :province))
            select centre, grouping(centre), count(*), count(released_on), count(first_on), count(pact_on),
                count(hired_on),
                percentile_cont(0.5) within group (order by released_on - request_date),
                percentile_cont(0.5) within group (order by first_on - released_on),
                percentile_cont(0.5) within group (order by pact_on - first_on),
                percentile_cont(0.5) within group (order by hired_on - coalesce(pact_on, first_on))
            from r group by grouping sets ((centre), ())""";

    /** The funnel as NetworkFigures had it before V78 (copied to time it beside the alternatives): four sorted medians. */
    private static final String FORMER_FUNNEL = """
            with f as (
                select request_id, min((starts_at at time zone 'Europe/Rome')::date) as first_on
                from agenda_appointment where purpose = 'FIRST' and status = 'HELD' group by request_id),
            k as (
                select pathway_id, min(signed_on) as pact_on from pathway_pact where signed_on is not null
                group by pathway_id),
            r as (
                select r.competent_centre_id as centre, r.request_date,
                    case when r.status in ('RELEASED', 'BLOCKED', 'REENABLED') or p.id is not null
                         then coalesce(r.decision_date, r.status_date) end as released_on,
                    f.first_on, k.pact_on, case when p.outcome = 'HIRED' then p.closed_on end as hired_on
                from requests_voucher_request r join network_job_centre j on j.id = r.competent_centre_id
                left join pathway_pathway p on p.request_id = r.id
                left join f on f.request_id = r.id
                left join k on k.pathway_id = p.id
                where r.request_date between :from and :to
                  and (cast(:province as varchar) is null or j.province = :province))
            select centre, grouping(centre), count(*), count(released_on), count(first_on), count(pact_on),
                count(hired_on),
                percentile_cont(0.5) within group (order by released_on - request_date),
                percentile_cont(0.5) within group (order by first_on - released_on),
                percentile_cont(0.5) within group (order by pact_on - first_on),
                percentile_cont(0.5) within group (order by hired_on - coalesce(pact_on, first_on))
            from r group by grouping sets ((centre), ())""";

    private static long seed(JdbcClient jdbc) {
        jdbc.sql("""
                insert into network_job_centre (code, name, official_name, province, email)
                select 'BENCH' || g, 'CPI di prova ' || g, 'Centro per l''impiego di prova ' || g, 'TO', 'cpi' || g || '@example.org'
                from generate_series(1, :n) g""").param("n", CENTRES - 25).update();
        jdbc.sql("""
                with c as (select array_agg(id order by id) as ids from network_job_centre)
                insert into workers_worker (tax_code, competent_centre_id, needs_completion)
                select 'BNCM' || lpad(g::text, 12, '0'), c.ids[1 + g % cardinality(c.ids)], true
                from c, generate_series(1, :n) g""").param("n", REQUESTS).update();
        jdbc.sql("""
                insert into workers_invitation (worker_id, invitation_date)
                select id, date '2026-01-10' from workers_worker where tax_code like 'BNCM%' and id % 10 < 8""").update();
        jdbc.sql("""
                insert into requests_voucher_request (worker_id, request_date, status, status_date, competent_centre_id,
                    provider_type, provider_name, channel)
                select w.id, date '2026-01-02' + (w.id % 300)::int, (array['REQUESTED', 'RELEASED', 'RELEASED',
                    'NOTICE_OF_REJECTION', 'REJECTED', 'WITHDRAWN'])[1 + w.id % 6],
                    date '2026-01-02' + (w.id % 300)::int + (w.id % 37)::int, w.competent_centre_id,
                    case when w.id % 5 < 2 then 'CPI' else 'PRIVATE' end,
                    case when w.id % 5 < 2 then 'CPI ' || w.competent_centre_id else 'Agenzia' end, 'IMPORTED'
                from workers_worker w where w.tax_code like 'BNCM%'""").update();
        System.out.printf("%nKept funnel rows after the million requests: %,d counts, %,d day histogram rows%n",
                jdbc.sql("select count(*) from reporting_funnel_count").query(Long.class).single(),
                jdbc.sql("select count(*) from reporting_funnel_days").query(Long.class).single());
        long first = importOf(jdbc, LocalDate.of(2026, 5, 15));
        long second = importOf(jdbc, LocalDate.of(2026, 5, 22));
        jdbc.sql("""
                insert into requests_snapshot_entry (import_id, request_id, status, status_date, competent_centre_id)
                select ?, r.id, r.status, r.status_date, r.competent_centre_id from requests_voucher_request r
                join workers_worker w on w.id = r.worker_id where w.tax_code like 'BNCM%' and r.id % 10 <> 0""")
                .param(first).update();
        jdbc.sql("""
                insert into requests_snapshot_entry (import_id, request_id, status, status_date, competent_centre_id)
                select ?, r.id, r.status, r.status_date, r.competent_centre_id from requests_voucher_request r
                join workers_worker w on w.id = r.worker_id where w.tax_code like 'BNCM%'""").param(second).update();
        jdbc.sql("analyze").update();
        return second;
    }

    private static long importOf(JdbcClient jdbc, LocalDate date) {
        return jdbc.sql("""
                insert into requests_import (snapshot_date, file_name, file_sha256, imported_by, imported_at, rows_read,
                    created, updated, unchanged, rejected, workers_created)
                values (?, 'bench.csv', md5(random()::text), 'bench', now(), 0, 0, 0, 0, 0, 0) returning id""")
                .param(date).query(Long.class).single();
    }

}
