package it.ricolloca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module reads and writes only its own tables (named with its prefix); it asks another module
 * through that module's public API or learns from its events. Only {@code reporting}, the read
 * model, may read across. Every string and text block of the sources (SQL, query annotations) is
 * scanned for the tables the migrations create.
 */
class ModuleTablesTest {

    private static final Path JAVA = Path.of("src/main/java/it/ricolloca");
    private static final Pattern CREATE = Pattern.compile(
            "create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern WORD = Pattern.compile("\\b([a-z]+_[a-z0-9_]+)\\b");

    @Test
    void noModuleNamesAnotherModulesTablesOutsideReporting() throws IOException {
        List<String> modules;
        try (Stream<Path> dirs = Files.list(JAVA)) {
            modules = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
        }
        Map<String, String> owner = new HashMap<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path m : migrations.toList()) {
                Matcher c = CREATE.matcher(Files.readString(m));
                while (c.find()) {
                    String table = c.group(1).toLowerCase(Locale.ROOT);
                    modules.stream().filter(mod -> table.startsWith(mod + "_")).findFirst().ifPresent(mod -> owner.put(table, mod));
                }
            }
        }
        assertThat(owner).containsKeys("requests_voucher_request", "workers_worker", "pathway_pathway");
        List<String> crossings = new ArrayList<>();
        for (String module : modules) {
            if (module.equals("reporting")) {
                continue;
            }
            try (Stream<Path> files = Files.walk(JAVA.resolve(module))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(f);
                    List<String> literals = new ArrayList<>();
                    Matcher blocks = TEXT_BLOCK.matcher(source);
                    while (blocks.find()) {
                        literals.add(blocks.group(1));
                    }
                    Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
                    while (strings.find()) {
                        literals.add(strings.group(1));
                    }
                    for (String literal : literals) {
                        Matcher w = WORD.matcher(literal);
                        while (w.find()) {
                            String other = owner.get(w.group(1));
                            if (other != null && !other.equals(module)) {
                                crossings.add(JAVA.relativize(f) + " names " + w.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(crossings).as("another module's tables named outside reporting").isEmpty();
    }
}
