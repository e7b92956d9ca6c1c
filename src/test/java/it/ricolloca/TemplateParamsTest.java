package it.ricolloca;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Templates take view records, never JPA entities: a page cannot load or change what it was not given. */
class TemplateParamsTest {

    private static final Pattern IMPORT = Pattern.compile("^@import\\s+([\\w.]+)\\s*$", Pattern.MULTILINE);
    private static final Pattern PARAM = Pattern.compile("^@param\\s+([\\w.<>?, ]+?)\\s+\\w+\\s*(=.*)?$", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("[A-Z]\\w*");

    @Test
    void noTemplateTakesAnEntity() throws IOException {
        List<String> entities = new ArrayList<>();
        int params = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                String template = Files.readString(f);
                Map<String, String> imported = new HashMap<>();
                Matcher i = IMPORT.matcher(template);
                while (i.find()) {
                    String name = i.group(1);
                    imported.put(name.substring(name.lastIndexOf('.') + 1), name);
                }
                Matcher p = PARAM.matcher(template);
                while (p.find()) {
                    params++;
                    Matcher t = TYPE.matcher(p.group(1));
                    while (t.find()) {
                        String type = imported.get(t.group());
                        if (type != null && isEntity(type)) {
                            entities.add(f + ": " + p.group().strip());
                        }
                    }
                }
            }
        }
        assertThat(params).isGreaterThan(100);
        assertThat(entities).as("templates taking a JPA entity").isEmpty();
    }

    private static boolean isEntity(String name) {
        try {
            return Class.forName(name).isAnnotationPresent(Entity.class);
        } catch (ClassNotFoundException e) {
            // a nested type (Outer.Inner) is imported by its canonical name
            int dot = name.lastIndexOf('.');
            try {
                return Class.forName(name.substring(0, dot) + "$" + name.substring(dot + 1)).isAnnotationPresent(Entity.class);
            } catch (ClassNotFoundException | RuntimeException nested) {
                return false;
            }
        }
    }
}
