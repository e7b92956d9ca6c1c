package it.ricolloca.shared;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Role;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a user reads comes from the Italian bundle, and every key the code asks for exists. */
class MessageBundleTest {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\(\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern FLASH_OR_REJECT = Pattern.compile(
            "(?:addFlashAttribute\\(\"flash\", |rejectValue\\(\"\\w+\", |reject\\(|super\\()\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern EXCEPTION_KEY = Pattern.compile("super\\(\"([a-z][a-zA-Z0-9_.]+)\"");
    private static final Pattern KEY_STRING = Pattern.compile("\"((?:login|error|delegation|user|centre|office|token|password|form|cf|piva|worker|import|request|document|mail|letter|vacancy|referral|referent|match|claim|training|notice)\\.[a-zA-Z0-9_.]*[a-zA-Z0-9_])\"");
    private static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile(
            "\\b(?:title|alt|placeholder|aria-label|data-confirm)=\"([^\"$]*[A-Za-zÀ-ú][^\"]*)\"");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    private final Properties bundle = load();

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            String stripped = text
                    .replaceAll("(?m)^\\s*@(import|param).*$", "")
                    .replaceAll("\\$\\{[^}]*}", "")
                    .replaceAll("(?m)^\\s*!\\{.*}\\s*$", "")
                    .replaceAll("@(if|elseif|for)\\((?:[^()]|\\([^()]*\\))*\\)", "")
                    .replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<style>.*?</style>", "")
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<[^>]*>", " ")
                    .replaceAll("@template\\.[\\w.-]+\\([^\\n]*\\)", "")
                    .replaceAll("@(endif|endfor|else)", "")
                    .replaceAll("content = @`|`\\)", "");
            for (String line : stripped.split("\\R")) {
                if (line.matches(".*\\p{L}{2,}.*")) {
                    offenders.add(template + ": " + line.strip());
                }
            }
            Matcher attrs = VISIBLE_ATTRIBUTE.matcher(text);
            while (attrs.find()) {
                offenders.add(template + ": attribute text \"" + attrs.group(1) + "\"");
            }
        }
        assertThat(offenders).as("text outside the message bundle").isEmpty();
    }

    @Test
    void everyKeyAskedForExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path template : templates()) {
            collect(LITERAL_KEY, Files.readString(template), keys);
        }
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(java);
                collect(FLASH_OR_REJECT, source, keys);
                collect(EXCEPTION_KEY, source, keys);
                collect(KEY_STRING, source, keys);
            }
        }
        for (Role role : Role.values()) {
            keys.add(role.labelKey());
            keys.add("home.role." + role.name());
        }
        for (DelegatedFunction f : DelegatedFunction.values()) {
            keys.add(f.labelKey());
        }
        for (int status : new int[] {400, 403, 404, 405, 409, 413, 500, 503}) {
            keys.add("error." + status + ".title");
            keys.add("error." + status + ".text");
        }
        keys.removeIf(k -> k.endsWith("."));
        assertThat(keys).hasSizeGreaterThan(100);
        assertThat(keys.stream().filter(k -> !bundle.containsKey(k)).toList()).as("keys missing from the bundle").isEmpty();
    }

    /**
     * A message with arguments goes through {@code MessageFormat}, where a lone apostrophe quotes the rest of
     * the text away ("nell'intestazione: {0}" shows "nellintestazione: {0}"); a message without arguments is
     * shown as written, where a doubled one stays doubled. Each key is formatted as the code formats it and
     * must keep every apostrophe, show every argument and leave no placeholder unread.
     */
    @Test
    void everyMessageKeepsItsApostrophesAndUsesEveryArgument() {
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            String text = bundle.getProperty(key);
            Matcher placeholders = PLACEHOLDER.matcher(text);
            int arguments = 0;
            while (placeholders.find()) {
                arguments = Math.max(arguments, Integer.parseInt(placeholders.group(1)) + 1);
            }
            // codes of a binding error (NotBlank.form.field, typeMismatch...) are always formatted with the field as {0}
            boolean bindingError = Character.isUpperCase(key.charAt(0)) || key.startsWith("typeMismatch");
            if (arguments == 0 && bindingError) {
                arguments = 1;
            }
            if (arguments == 0) {
                if (text.contains("''")) {
                    wrong.add(key + ": doubled apostrophe in a message without arguments");
                }
                continue;
            }
            Object[] samples = new Object[arguments];
            for (int i = 0; i < arguments; i++) {
                samples[i] = 7_000 + i;
            }
            String shown;
            try {
                shown = new MessageFormat(text, Locale.ITALIAN).format(samples);
            } catch (IllegalArgumentException e) {
                wrong.add(key + ": " + e.getMessage());
                continue;
            }
            long apostrophes = text.replace("''", "\u0000").chars().filter(c -> c == '\u0000').count();
            if (shown.chars().filter(c -> c == '\'').count() != apostrophes) {
                wrong.add(key + ": apostrophe lost (" + shown + ")");
            }
            if (shown.contains("{")) {
                wrong.add(key + ": placeholder not read (" + shown + ")");
            }
            for (int i = 0; i < arguments && !bindingError; i++) {
                if (!text.matches("(?s).*\\{" + i + "[,}].*")) {
                    wrong.add(key + ": argument " + i + " never shown");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void bundleHasNoEmptyMessage() {
        assertThat(bundle.stringPropertyNames().stream().filter(k -> bundle.getProperty(k).isBlank()).toList()).isEmpty();
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (var in = new InputStreamReader(MessageBundleTest.class.getResourceAsStream("/messages.properties"),
                StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
