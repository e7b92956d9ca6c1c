package it.ricolloca.support;

import it.ricolloca.RicollocaApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmarks share: the application on its own fresh embedded database with the demo data, and the timings. */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Starts the whole application on a random port over a fresh embedded PostgreSQL in {@code data}. To study a
     * run's data afterwards, {@code -Dbench.data=<dir>} puts the database there instead (wiped at the start, kept
     * at the end), and {@code -Dbench.log-slower-than-ms=<ms>} writes slower statements, with their parameters,
     * to the server's log in it.
     */
    public static ConfigurableApplicationContext start(Path data) {
        String kept = System.getProperty("bench.data");
        if (kept != null) {
            // Wiped here, not by the embedded server: it would wipe it again when it stops.
            org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File(kept));
        }
        return new SpringApplicationBuilder(RicollocaApplication.class)
                .run("--server.port=0", "--ricolloca.embedded-db.data-dir=" + (kept == null ? data : Path.of(kept)).resolve("pg"),
                        "--ricolloca.embedded-db.clean=" + (kept == null), "--ricolloca.demo=true",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        // the server's own log (slow statements) through the embedded server's logger
                        "--logging.level.io.zonky.test.db.postgres.embedded=INFO",
                        "--ricolloca.embedded-db.log-slower-than-ms=" + System.getProperty("bench.log-slower-than-ms", "-1"));
    }

    /** Milliseconds one call takes. */
    public static double time(Callable<?> c) throws Exception {
        long t = System.nanoTime();
        c.call();
        return (System.nanoTime() - t) / 1e6;
    }

    public static double median(List<Double> xs) {
        return sorted(xs).get(xs.size() / 2);
    }

    public static double p95(List<Double> xs) {
        return sorted(xs).get(xs.size() * 95 / 100);
    }

    private static List<Double> sorted(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s;
    }
}
