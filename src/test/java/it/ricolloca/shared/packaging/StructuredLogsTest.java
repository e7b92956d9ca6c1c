package it.ricolloca.shared.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code json-logs} profile (ADR 0035) turns the log into ECS JSON: its settings, read from the application's
 * own property files, drive Spring Boot's structured encoder on a logger context of the test's own (the
 * application's logging is left alone, and no application context is started).
 */
class StructuredLogsTest {

    @Test
    void theJsonLogsProfileWritesEachEventAsOneEcsJsonObject() throws Exception {
        StandardEnvironment env = environmentWithProfile("json-logs");
        assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(env.getProperty("logging.structured.format.file")).isEqualTo("ecs");

        String line = encode(env, "ecs", Level.WARN, "Import di {} righe rifiutato",
                new IllegalStateException("file troppo grande"), 115);

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(field(json, "@timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        assertThat(field(json, "log.level")).isEqualTo("WARN");
        assertThat(field(json, "log.logger")).isEqualTo("it.ricolloca.prova");
        assertThat(field(json, "message")).isEqualTo("Import di 115 righe rifiutato");
        assertThat(field(json, "service.name")).isEqualTo("ricolloca");
        assertThat(field(json, "service.environment")).isEqualTo("production");
        assertThat(field(json, "ecs.version")).isNotBlank();
        assertThat(field(json, "richiesta")).isEqualTo("R-42");
        assertThat(field(json, "error.type")).isEqualTo(IllegalStateException.class.getName());
        assertThat(field(json, "error.message")).isEqualTo("file troppo grande");
        assertThat(field(json, "error.stack_trace")).contains("StructuredLogsTest");
    }

    @Test
    void withoutTheProfileTheLogStaysPlainText() {
        StandardEnvironment env = environmentWithProfile(null);
        assertThat(env.getProperty("logging.structured.format.console")).isNull();
        assertThat(env.getProperty("logging.structured.format.file")).isNull();
    }

    /** The application's property files as Spring Boot layers them: the profile's over the common one. */
    private static StandardEnvironment environmentWithProfile(String profile) {
        StandardEnvironment env = new StandardEnvironment();
        PropertiesPropertySourceLoader loader = new PropertiesPropertySourceLoader();
        try {
            if (profile != null) {
                for (PropertySource<?> source : loader.load(profile,
                        new ClassPathResource("application-" + profile + ".properties"))) {
                    env.getPropertySources().addLast(source);
                }
            }
            for (PropertySource<?> source : loader.load("application", new ClassPathResource("application.properties"))) {
                env.getPropertySources().addLast(source);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return env;
    }

    private static String encode(StandardEnvironment env, String format, Level level, String message,
            Throwable error, Object argument) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), env);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        try {
            Logger logger = context.getLogger("it.ricolloca.prova");
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, error,
                    new Object[] {argument});
            event.setMDCPropertyMap(Map.of("richiesta", "R-42"));
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            encoder.stop();
            context.stop();
        }
    }

    /** A field by its ECS name: {@code log.level} is {@code {"log":{"level":…}}}, as Spring Boot nests them. */
    private static String field(JsonNode json, String name) {
        if (name.startsWith("@")) {
            return json.path(name).asString();
        }
        JsonNode node = json;
        for (String part : name.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null ? null : node.asString();
    }
}
