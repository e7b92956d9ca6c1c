package it.ricolloca.pathway;

import it.ricolloca.RicollocaApplication;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.shared.web.Dates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tutor's worklist over 5,000 open pathways with six meetings each: the page as a browser gets
 * it (signed in, over HTTP), against its limit, the worklist's SQL alone on the same data. Run with
 * {@code mvn -Pbench test}; prints figures, asserts nothing.
 */
class WorklistBenchmark {

    private static final int PATHWAYS = 5000;
    private static final int RUNS = 30;

    @TempDir
    Path data;

    @Test
    void worklistOfFiveThousandPathways() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RicollocaApplication.class)
                .run("--server.port=0", "--ricolloca.embedded-db.data-dir=" + data.resolve("pg"),
                        "--ricolloca.embedded-db.clean=true", "--ricolloca.demo=true", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long tutor = app.getBean(UserAccountRepository.class).findByUsername("tutor.torino").orElseThrow().getId();
            long centre = jdbc.sql("select id from network_job_centre where code = 'TORINO-BOLOGNA'").query(Long.class).single();
            long office = jdbc.sql("select min(id) from network_office where centre_id = ?").param(centre)
                    .query(Long.class).single();
            seed(jdbc, tutor, centre, office);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = it.ricolloca.support.BenchmarkHttp.signedIn(port, "tutor.torino");
            URI worklist = URI.create("http://localhost:" + port + "/pathways/worklist?mine=true");
            String first = http.send(HttpRequest.newBuilder(worklist).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (!first.contains("I miei lavoratori")) {
                throw new IllegalStateException("worklist not rendered");
            }
            List<Double> page = new ArrayList<>();
            List<Double> sql = new ArrayList<>();
            String query = """
                    select p.id, (select max(m.on_date) from pathway_meeting m where m.pathway_id = p.id and m.status = 'HELD') h,
                        (select max(m.next_meeting) from pathway_meeting m where m.pathway_id = p.id) n,
                        exists (select 1 from pathway_suspension s where s.pathway_id = p.id and s.resumed_on is null) s
                    from pathway_pathway p join workers_worker w on w.id = p.worker_id
                    where p.closed_on is null and p.tutor_user_id = ? order by h nulls first, p.id limit 50""";
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                http.send(HttpRequest.newBuilder(worklist).build(), HttpResponse.BodyHandlers.ofString());
                page.add((System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                jdbc.sql(query).param(tutor).query().listOfRows();
                sql.add((System.nanoTime() - t1) / 1e6);
            }
            Collections.sort(page);
            Collections.sort(sql);
            long meetings = jdbc.sql("select count(*) from pathway_meeting").query(Long.class).single();
            System.out.printf("%nTutor worklist, %,d open pathways, %,d meetings, page of 50 sorted by days since the last meeting%n",
                    PATHWAYS, meetings);
            System.out.printf("  worklist SQL alone (limit): median %.1f ms, p95 %.1f ms%n", sql.get(RUNS / 2),
                    sql.get(RUNS * 95 / 100));
            System.out.printf("  page over HTTP, signed in:  median %.1f ms, p95 %.1f ms%n", page.get(RUNS / 2),
                    page.get(RUNS * 95 / 100));
        }
    }

    private static void seed(JdbcClient jdbc, long tutor, long centre, long office) {
        LocalDate today = Dates.today();
        jdbc.sql("""
                insert into workers_worker (tax_code, first_name, last_name, competent_centre_id)
                select 'BNCH' || lpad(g::text, 12, '0'), 'Nome' || g, 'Cognome' || g, :centre from generate_series(1, :n) g""")
                .param("centre", centre).param("n", PATHWAYS).update();
        jdbc.sql("""
                insert into requests_voucher_request (worker_id, request_date, status, status_date, competent_centre_id,
                    provider_type, provider_name, provider_office_id, channel)
                select w.id, date '2026-01-05', 'RELEASED', date '2026-01-08', :centre, 'CPI', 'CPI Torino', :office,
                    'INTERMEDIATED' from workers_worker w where w.tax_code like 'BNCH%'""")
                .param("centre", centre).param("office", office).update();
        jdbc.sql("""
                insert into pathway_pathway (request_id, worker_id, centre_id, office_id, tutor_user_id, started_on, created_at)
                select r.id, r.worker_id, :centre, :office, :tutor, :today - (r.id % 150)::int, now()
                from requests_voucher_request r join workers_worker w on w.id = r.worker_id where w.tax_code like 'BNCH%'""")
                .param("centre", centre).param("office", office).param("tutor", tutor).param("today", today).update();
        jdbc.sql("""
                insert into pathway_meeting (pathway_id, on_date, start_time, end_time, status, topics, next_meeting,
                    recorded_by, recorded_at)
                select p.id, p.started_on + k * 12, time '09:00', time '10:00',
                    case when k % 5 = 0 then 'MISSED_JUSTIFIED' else 'HELD' end, 'colloquio', p.started_on + k * 12 + 14,
                    'tutor.torino', now()
                from pathway_pathway p cross join generate_series(0, 5) k
                where p.tutor_user_id = :tutor and p.started_on + k * 12 <= :today""")
                .param("tutor", tutor).param("today", today).update();
        jdbc.sql("""
                insert into pathway_suspension (pathway_id, suspended_on, contract, employer, recorded_by)
                select p.id, p.started_on + 3, 'FIXED_TERM', 'Azienda', 'tutor.torino' from pathway_pathway p
                where p.tutor_user_id = :tutor and p.id % 20 = 0""").param("tutor", tutor).update();
        jdbc.sql("analyze").update();
    }
}
