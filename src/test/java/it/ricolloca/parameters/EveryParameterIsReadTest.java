package it.ricolloca.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A parameter shown to the region must change something: each one is named by the code of the rule it
 * governs, beyond the enum, the store and the page that lists them. A parameter no rule reads fails here (issue 18
 * found three the region could change to no effect).
 */
class EveryParameterIsReadTest {

    private static final Path JAVA = Path.of("src/main/java/it/ricolloca");

    @Test
    void everyParameterIsReadByTheRuleItGoverns() throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.equals(JAVA.resolve("parameters/Parameter.java"))
                            && !f.equals(JAVA.resolve("parameters/Parameters.java"))
                            && !f.startsWith(JAVA.resolve("parameters/web")))
                    .sorted().toList()) {
                code.append(Files.readString(p)).append('\n');
            }
        }
        List<String> unread = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            if (!code.toString().matches("(?s).*\\b" + p.name() + "\\b.*")) {
                unread.add(p.name());
            }
        }
        assertThat(unread).as("parameters no rule reads").isEmpty();
    }
}
