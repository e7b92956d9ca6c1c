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

    /** Starts the whole application on a random port over a fresh embedded PostgreSQL in {@code data}. */
    public static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(RicollocaApplication.class)
                .run("--server.port=0", "--ricolloca.embedded-db.data-dir=" + data.resolve("pg"),
                        "--ricolloca.embedded-db.clean=true", "--ricolloca.demo=true", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
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
