package it.ricolloca.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Every timed request of a load run as the virtual user saw it (from just before the request to just after its
 * response and any redirect it followed), with its phase: the simulation reports percentiles over chosen subsets
 * of them (the pages without the sign-in burst, the steady state, the throughput bursts), which Gatling's own
 * report cannot tell apart by time.
 */
final class Timings {

    /** One request: its phase, its name, when it started and ended (nanoTime), whether it was answered as expected. */
    record Timing(String phase, String name, long start, long end, boolean ok) {

        long millis() {
            return (end - start) / 1_000_000;
        }
    }

    /** Figures of a set of timings: count, failed, percentiles and maximum in ms, requests per second over its span. */
    record Figures(int count, int failed, long p50, long p95, long p99, long max, double perSecond) {

        String row(String label) {
            return String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %,d | %,d | %,d | %.1f |", label, count, failed,
                    p50, p95, p99, max, perSecond);
        }
    }

    static final String HEADER = "| Request | Count | Failed | p50 ms | p95 ms | p99 ms | max ms | requests/s |\n"
            + "|---|---|---|---|---|---|---|---|";

    private final Queue<Timing> all = new ConcurrentLinkedQueue<>();

    void add(String phase, String name, long start, long end, boolean ok) {
        all.add(new Timing(phase, name, start, end, ok));
    }

    List<Timing> select(Predicate<Timing> which) {
        return all.stream().filter(which).toList();
    }

    /** The earliest start among these timings (nanoTime), or 0 when there is none. */
    static long firstStart(List<Timing> timings) {
        return timings.stream().mapToLong(Timing::start).min().orElse(0);
    }

    static long lastEnd(List<Timing> timings) {
        return timings.stream().mapToLong(Timing::end).max().orElse(0);
    }

    /** Nearest-rank percentiles over the response times; requests per second from the first start to the last end. */
    static Figures figures(List<Timing> timings) {
        if (timings.isEmpty()) {
            return new Figures(0, 0, 0, 0, 0, 0, 0);
        }
        long[] ms = timings.stream().mapToLong(Timing::millis).sorted().toArray();
        int failed = (int) timings.stream().filter(t -> !t.ok()).count();
        double seconds = Math.max(1, lastEnd(timings) - firstStart(timings)) / 1e9;
        return new Figures(ms.length, failed, rank(ms, 0.50), rank(ms, 0.95), rank(ms, 0.99), ms[ms.length - 1],
                ms.length / seconds);
    }

    private static long rank(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** The timings grouped by request name, in the order the names first appear. */
    static Map<String, List<Timing>> byName(List<Timing> timings) {
        Map<String, List<Timing>> names = new LinkedHashMap<>();
        timings.stream().sorted(Comparator.comparingLong(Timing::start))
                .forEach(t -> names.computeIfAbsent(t.name(), n -> new ArrayList<>()).add(t));
        return names;
    }
}
