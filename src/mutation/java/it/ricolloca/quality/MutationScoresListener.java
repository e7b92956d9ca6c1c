package it.ricolloca.quality;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pitest.mutationtest.ClassMutationResults;
import org.pitest.mutationtest.DetectionStatus;
import org.pitest.mutationtest.MutationResult;
import org.pitest.mutationtest.MutationResultListener;

/**
 * Counts PIT's results per class and prints the table at the end of the run: mutants, killed (every detected
 * status: killed, timed out, memory error, run error), survived, not reached (no test covers the line) and the
 * score, killed out of ALL mutants. A nested class counts with its outer class when that is mutated too
 * (Pathway.Hire with Pathway). A class under 85% or a total under 90% (the goals of issue 23) is marked.
 */
class MutationScoresListener implements MutationResultListener {

    private static final int CLASS_GOAL = 85;
    private static final int TOTAL_GOAL = 90;

    private final PrintStream out;
    private final List<ClassMutationResults> results = new ArrayList<>();

    MutationScoresListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void runStart() {
        // nothing before the first result
    }

    @Override
    public synchronized void handleMutationResult(ClassMutationResults classResults) {
        results.add(classResults);
    }

    @Override
    public synchronized void runEnd() {
        Set<String> mutated = new HashSet<>();
        for (ClassMutationResults r : results) {
            mutated.add(r.getMutatedClass().asJavaName());
        }
        Map<String, int[]> byClass = new TreeMap<>();
        for (ClassMutationResults r : results) {
            int[] c = byClass.computeIfAbsent(shown(r.getMutatedClass().asJavaName(), mutated), k -> new int[4]);
            for (MutationResult m : r.getMutations()) {
                DetectionStatus status = m.getStatus();
                c[0]++;
                if (status.isDetected()) {
                    c[1]++;
                } else if (status == DetectionStatus.NO_COVERAGE) {
                    c[3]++;
                } else {
                    c[2]++;
                }
            }
        }
        int[] total = new int[4];
        out.println();
        out.println("Mutation score per class (issue 23: each class at least " + CLASS_GOAL + "%, all at least "
                + TOTAL_GOAL + "%, killed out of all mutants)");
        out.printf(Locale.ROOT, "%-34s %8s %7s %9s %12s %7s%n", "Class", "Mutants", "Killed", "Survived", "Not reached", "Score");
        for (Map.Entry<String, int[]> e : byClass.entrySet()) {
            int[] c = e.getValue();
            for (int k = 0; k < 4; k++) {
                total[k] += c[k];
            }
            line(e.getKey(), c, CLASS_GOAL);
        }
        line("ALL RULE CLASSES", total, TOTAL_GOAL);
        out.println();
        out.flush();
    }

    /** The class a mutant counts for: the outermost mutated class, nested names joined with a dot, package left out. */
    private static String shown(String name, Set<String> mutated) {
        String outer = name;
        int dollar;
        while ((dollar = outer.lastIndexOf('$')) > 0 && mutated.contains(outer.substring(0, dollar))) {
            outer = outer.substring(0, dollar);
        }
        return outer.substring(outer.lastIndexOf('.') + 1).replace('$', '.');
    }

    private void line(String name, int[] c, int goal) {
        double score = c[0] == 0 ? 100 : 100.0 * c[1] / c[0];
        out.printf(Locale.ROOT, "%-34s %8d %7d %9d %12d %6.1f%%%s%n", name, c[0], c[1], c[2], c[3], score,
                score < goal ? "  < " + goal + "%" : "");
    }
}
