import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints the mutation score of each class from PIT's mutations.xml (issue 23, docs/quality.md):
 * mutants, killed, survived, not reached, killed out of all. A nested class counts with its outer
 * class when that is mutated too (Pathway.Hire with Pathway). Run after the mutation profile:
 * java scripts/quality/MutationScores.java [target/pit-reports/mutations.xml]
 */
public class MutationScores {

    public static void main(String[] args) throws Exception {
        Path xml = Path.of(args.length > 0 ? args[0] : "target/pit-reports/mutations.xml");
        if (!Files.exists(xml)) {
            System.err.println("No " + xml + ": run mvn -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage first.");
            System.exit(2);
        }
        NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getElementsByTagName("mutation");
        Map<String, int[]> byClass = new TreeMap<>();
        Map<String, String> classOf = new LinkedHashMap<>();
        for (int i = 0; i < mutations.getLength(); i++) {
            Element m = (Element) mutations.item(i);
            classOf.put(m.getElementsByTagName("mutatedClass").item(0).getTextContent(), null);
        }
        for (int i = 0; i < mutations.getLength(); i++) {
            Element m = (Element) mutations.item(i);
            String name = m.getElementsByTagName("mutatedClass").item(0).getTextContent();
            int[] c = byClass.computeIfAbsent(shown(name, classOf), k -> new int[4]);
            c[0]++;
            if (Boolean.parseBoolean(m.getAttribute("detected"))) {
                c[1]++;
            } else if ("NO_COVERAGE".equals(m.getAttribute("status"))) {
                c[3]++;
            } else {
                c[2]++;
            }
        }
        int[] total = new int[4];
        System.out.printf("%-34s %8s %7s %9s %12s %7s%n", "Class", "Mutants", "Killed", "Survived", "Not reached", "Score");
        for (Map.Entry<String, int[]> e : byClass.entrySet()) {
            int[] c = e.getValue();
            for (int k = 0; k < 4; k++) {
                total[k] += c[k];
            }
            line(e.getKey(), c, 85);
        }
        line("ALL RULE CLASSES", total, 90);
    }

    /** The class a mutant counts for: the outermost mutated class, nested names joined with a dot, package left out. */
    private static String shown(String name, Map<String, String> mutated) {
        String outer = name;
        int dollar;
        while ((dollar = outer.lastIndexOf('$')) > 0 && mutated.containsKey(outer.substring(0, dollar))) {
            outer = outer.substring(0, dollar);
        }
        return outer.substring(outer.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static void line(String name, int[] c, int goal) {
        double score = c[0] == 0 ? 100 : 100.0 * c[1] / c[0];
        System.out.printf("%-34s %8d %7d %9d %12d %6.1f%%%s%n", name, c[0], c[1], c[2], c[3], score,
                score < goal ? "  < " + goal + "%" : "");
    }
}
