package it.ricolloca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The project's glossary names only types that exist: a newcomer who looks one up finds it. */
class GlossaryTest {

    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|enum|interface)\\s+([A-Z]\\w*)");
    private static final Pattern NAMED = Pattern.compile("`([A-Z][a-z]\\w*)(?:\\.\\w+)?(?:\\(\\))?`");

    @Test
    void everyTypeTheGlossaryNamesExists() throws IOException {
        Set<String> types = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = DECLARED.matcher(Files.readString(f));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        Matcher named = NAMED.matcher(Files.readString(Path.of("docs/glossary.md")));
        int count = 0;
        while (named.find()) {
            count++;
            if (!types.contains(named.group(1))) {
                missing.add(named.group());
            }
        }
        assertThat(count).isGreaterThan(40);
        assertThat(missing).as("types named by docs/glossary.md that the code does not declare").isEmpty();
    }
}
