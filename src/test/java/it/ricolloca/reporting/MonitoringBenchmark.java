package it.ricolloca.reporting;

import it.ricolloca.support.Benchmarks;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.reporting.internal.RequestsByCentre;
import it.ricolloca.support.BenchmarkHttp;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            BenchmarkHttp.signIn(http, port, "adr.regione");
            URI page = URI.create("http://localhost:" + port + "/monitoring?snapshotDate=2026-05-22");
            Callable<?> http200 = () -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("Totale regionale")) {
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
            http200.call();
            alone.call();
            bare.call();
            for (int i = 0; i < RUNS; i++) {
                p.add(Benchmarks.time(http200));
                a.add(Benchmarks.time(alone));
                b.add(Benchmarks.time(bare));
            }
            System.out.printf("%nMonitoring table, %d CPIs, %,d requests in the list in force (previous list %,d)%n",
                    CENTRES, REQUESTS, REQUESTS * 9 / 10);
            System.out.printf("  bare SQL aggregate (limit): median %7.1f ms, p95 %7.1f ms%n", Benchmarks.median(b), Benchmarks.p95(b));
            System.out.printf("  report alone (all figures): median %7.1f ms, p95 %7.1f ms%n", Benchmarks.median(a), Benchmarks.p95(a));
            System.out.printf("  page over HTTP, signed in:  median %7.1f ms, p95 %7.1f ms%n", Benchmarks.median(p), Benchmarks.p95(p));
        }
    }

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
                select w.id, date '2026-03-01', (array['REQUESTED', 'RELEASED', 'RELEASED', 'NOTICE_OF_REJECTION',
                    'REJECTED', 'WITHDRAWN'])[1 + w.id % 6], date '2026-03-05', w.competent_centre_id,
                    case when w.id % 5 < 2 then 'CPI' else 'PRIVATE' end,
                    case when w.id % 5 < 2 then 'CPI ' || w.competent_centre_id else 'Agenzia' end, 'IMPORTED'
                from workers_worker w where w.tax_code like 'BNCM%'""").update();
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
