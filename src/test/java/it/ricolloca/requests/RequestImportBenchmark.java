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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * each phase of the import beside the whole and the ratio, and, after the first list, the floor of its writes
 * (the same rows into bare tables, indexed after: ADR 0048). Run with {@code mvn -Pbench test};
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
            Timed first = measure(app, importer, adr, "first list: every worker and request new", lists[0],
                    LocalDate.of(2017, 5, 22));
            floor(app.getBean(DataSource.class), first);
            jdbc.sql("truncate bench_bare").update();
            measure(app, importer, adr, "the next week's list: the same requests, one in ten changed", lists[1],
                    LocalDate.of(2017, 5, 29));
        }
    }

    /** The seconds of a list's plain COPY and of its import, in the same run. */
    private record Timed(double copySeconds, double importSeconds) {
    }

    /** Imports one list beside its plain COPY and prints both. */
    private static Timed measure(ConfigurableApplicationContext app, RequestListImporter importer, CurrentUser adr,
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
        return new Timed(copySeconds, importSeconds);
    }

    /** The tables a first list fills (the register's, the list's and its copy of names, the snapshot, the funnel's). */
    private static final String[] WRITTEN = {"workers_worker", "requests_voucher_request", "requests_person",
        "requests_snapshot_entry", "reporting_funnel_request"};

    /**
     * The floor of the first list's writes, whatever the way of writing them: the rows the import left in each table
     * it fills, written again into a bare table of the same columns, then each of the table's indexes built once on
     * them (the cheapest way PostgreSQL has to end with the same rows and indexes: no index kept up row by row, no
     * foreign key, no trigger, no computed column, no reading or checking). Printed beside the plain COPY.
     */
    private static void floor(DataSource dataSource, Timed list) throws Exception {
        System.out.printf("%nThe floor of the first list's writes (the same rows into bare tables, their indexes built after)%n");
        double total = 0;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // In one transaction, so that the setting goes with it and not with the pool's connection to the import.
            c.setAutoCommit(false);
            st.execute("set local maintenance_work_mem = '256MB'");
            for (String table : WRITTEN) {
                String copy = "bench_floor_" + table;
                st.execute("create table " + copy + " (like " + table + ")");
                long t0 = System.nanoTime();
                st.execute("insert into " + copy + " select * from " + table);
                double rows = (System.nanoTime() - t0) / 1e9;
                List<String> indexes = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select indexdef from pg_indexes where schemaname = current_schema() "
                        + "and tablename = '" + table + "' order by indexname")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(1).replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON (\\S+\\.)?\\S+ ",
                                "CREATE $1INDEX ON " + copy + " "));
                    }
                }
                long t1 = System.nanoTime();
                for (String index : indexes) {
                    st.execute(index);
                }
                double built = (System.nanoTime() - t1) / 1e9;
                System.out.printf("  %-26s rows %.1f s, %d indexes %.1f s%n", table, rows, indexes.size(), built);
                total += rows + built;
                st.execute("drop table " + copy);
            }
            c.commit();
        }
        System.out.printf("  floor of the writes: %.1f s, %.1f times the plain COPY; the import takes %.1f times the floor%n",
                total, total / list.copySeconds(), list.importSeconds() / total);
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
