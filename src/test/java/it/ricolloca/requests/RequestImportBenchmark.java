package it.ricolloca.requests;

import it.ricolloca.shared.tabular.ImportReport;

import it.ricolloca.RicollocaApplication;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.support.TestCodes;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One million generated rows of the ministerial list through the whole import (parse, checks,
 * CPI recognition, COPY into staging, workers, requests, snapshot), against its physical limit:
 * a plain COPY of the same CSV text into a bare table, in the same run on the same server; then the
 * next week's list (the same requests, one in ten changed) against its own COPY. Prints the time of
 * each phase of the import beside the whole and the ratio. Run with {@code mvn -Pbench test};
 * prints figures, asserts nothing.
 */
class RequestImportBenchmark {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path data;

    @Test
    void millionRowImportAgainstPlainCopy() throws Exception {
        String[] lists = generate();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RicollocaApplication.class)
                .run("--server.port=0", "--ricolloca.embedded-db.data-dir=" + data.resolve("pg"),
                        "--ricolloca.embedded-db.clean=true", "--ricolloca.demo=true", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--logging.level.it.ricolloca.requests=DEBUG")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            CurrentUser adr = app.getBean(UserAccountRepository.class).findByUsername("adr.regione").orElseThrow()
                    .toCurrentUser();
            RequestListImporter importer = app.getBean(RequestListImporter.class);
            jdbc.sql("create table bench_bare (tax_code text, request_date text, status text, centre text)").update();
            measure(app, importer, adr, "first list: every worker and request new", lists[0], LocalDate.of(2017, 5, 22));
            jdbc.sql("truncate bench_bare").update();
            measure(app, importer, adr, "the next week's list: the same requests, one in ten changed", lists[1],
                    LocalDate.of(2017, 5, 29));
        }
    }

    private static void measure(ConfigurableApplicationContext app, RequestListImporter importer, CurrentUser adr,
            String what, String csv, LocalDate snapshotDate) throws Exception {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy bench_bare from stdin with (format csv, delimiter ';', header true)", new StringReader(csv));
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        ImportReport result = importer.importFile(adr, "milione-" + snapshotDate + ".csv", bytes, snapshotDate);
        double importSeconds = (System.nanoTime() - t1) / 1e9;
        RequestListImporter.Phases p = importer.lastPhases().orElseThrow();

        System.out.printf("%nMinisterial list import, %,d rows (%,d bytes of CSV), %s%n", ROWS, bytes.length, what);
        System.out.printf("  plain COPY into a bare table (limit): %.1f s, %,.0f rows/s%n", copySeconds, ROWS / copySeconds);
        System.out.printf("  full import:                          %.1f s, %,.0f rows/s (created %,d, updated %,d, "
                + "unchanged %,d, rejected %,d)%n", importSeconds, ROWS / importSeconds, result.created(),
                result.updated(), result.unchanged(), result.rejected());
        System.out.printf("    reading, checking, COPY to staging %.1f s; duplicates %.1f s; workers %.1f s; "
                + "requests %.1f s; the requests list's copy of the names %.1f s; snapshot entries %.1f s%n",
                p.readMs() / 1e3, p.duplicatesMs() / 1e3, p.workersMs() / 1e3, p.requestsMs() / 1e3, p.namesMs() / 1e3,
                p.snapshotMs() / 1e3);
        System.out.printf("  import takes %.1f times the plain COPY%n", importSeconds / copySeconds);
    }

    /** The first list, then the next week's: the same rows, one in ten moved from Richiesto to Rilasciato. */
    private static String[] generate() {
        Random random = new Random(1_000_000);
        String[] centres = {"CPI ALBA", "CPI ASTI", "CPI BIELLA", "CPI CUNEO", "CPI TORINO - VIA BOLOGNA", "CPI SUSÀ",
            "CENTRO PER L'IMPIEGO DI NOVARA", "CPI CIRIE'"};
        String[] statuses = {"Rilasciato", "Richiesto", "Preavviso di rigetto"};
        String header = "codice fiscale;data richiesta;stato richiesta;cpi competente\n";
        StringBuilder first = new StringBuilder(ROWS * 64).append(header);
        StringBuilder next = new StringBuilder(ROWS * 64).append(header);
        Set<String> codes = new HashSet<>(ROWS * 2);
        while (codes.size() < ROWS) {
            String cf = TestCodes.random(random);
            if (codes.add(cf)) {
                String date = String.format("%02d/04/2017", 1 + random.nextInt(28));
                int status = random.nextInt(3);
                String centre = centres[random.nextInt(centres.length)];
                first.append(cf).append(';').append(date).append(';').append(statuses[status]).append(';')
                        .append(centre).append('\n');
                int later = status == 1 && random.nextInt(3) == 0 ? 0 : status;
                next.append(cf).append(';').append(date).append(';').append(statuses[later]).append(';')
                        .append(centre).append('\n');
            }
        }
        return new String[] {first.toString(), next.toString()};
    }
}
