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

    /** A plural is spelled out by {@code choice}, never left to the reader: no osservazione/i, no volta/e, no (i). */
    @Test
    void noPluralIsASlashOrABracket() {
        Pattern hack = Pattern.compile("\\p{L}/(?:i|e)\\b|\\p{L}\\((?:i|e)\\)");
        assertThat(bundle.stringPropertyNames().stream().filter(k -> hack.matcher(bundle.getProperty(k)).find())
                .sorted().toList()).as("plurals written as slashes or brackets").isEmpty();
    }

    /**
     * Every message that counts something agrees with its count: formatted with 1 where a number goes, none
     * reads 1 posti or 1 elementi or 1 mesi. The letters of the procedure (their days are never one) and the
     * monitoring tables and suitability thresholds, reworked elsewhere, pass their numbers as text and are left out;
     * a course's hours are shown as written (the Italian way) beside the number that picks the word.
     */
    @Test
    void oneIsSingular() {
        Set<String> elsewhere = Set.of("letter.notice.interrupted", "letter.notice.observations", "letter.notice.suspended",
                "monitoring.cellLabel", "monitoring.rowLabel", "monitoring.shareOfSample", "suitability.caption",
                "suitability.caption.l92", "training.course.hoursShown");
        Pattern pluralAfterOne = Pattern.compile("(?<![\\d.,])1 (?:elementi|posti|voci|righe|utenti|schede|lavoratori"
                + "|messaggi|ore|anni|mesi|azioni|fasce|giorni|osservazioni|volte|minuti|punti|livelli|termini|iscritti"
                + "|richieste|documenti|caratteri|colonne|incontri|offerte|candidati|sessioni|persone|settimane"
                + "|proposte|sedi|tentativi|successi|partecipanti|notifiche|avvisi|domande|percorsi)\\b");
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            String text = bundle.getProperty(key);
            int arguments = arguments(text);
            if (arguments == 0 || elsewhere.contains(key)) {
                continue;
            }
            for (int i = 0; i < arguments; i++) {
                Object[] args = new Object[arguments];
                java.util.Arrays.fill(args, 2);
                args[i] = 1;
                String shown = new MessageFormat(text, Locale.ITALIAN).format(args);
                if (pluralAfterOne.matcher(shown).find()) {
                    wrong.add(key + ": " + shown);
                    break;
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The plurals by {@code choice} read right for none, one and two. */
    @Test
    void choicePluralsReadRightForNoneOneAndTwo() {
        assertThat(format("pager.status", 1, 1, 0)).isEqualTo("Pagina 1 di 1 (nessun elemento)");
        assertThat(format("pager.status", 1, 1, 1)).isEqualTo("Pagina 1 di 1 (1 elemento)");
        assertThat(format("pager.status", 1, 1, 2)).isEqualTo("Pagina 1 di 1 (2 elementi)");
        assertThat(format("training.session.placesShown", 0, 1)).isEqualTo("nessun iscritto su 1 posto");
        assertThat(format("training.session.placesShown", 1, 2)).isEqualTo("1 iscritto su 2 posti");
        assertThat(format("request.act.REJECT.observations", 1)).startsWith("Il lavoratore ha inviato 1 osservazione:");
        assertThat(format("request.act.REJECT.observations", 2)).startsWith("Il lavoratore ha inviato 2 osservazioni:");
        assertThat(format("request.provider.changes", 1)).isEqualTo("cambiato 1 volta");
        assertThat(format("request.provider.changes", 2)).isEqualTo("cambiato 2 volte");
        assertThat(format("agenda.rule.summary", 30, 1)).isEqualTo("slot di 30 minuti, 1 posto");
        assertThat(format("agenda.rule.summary", 30, 0)).isEqualTo("slot di 30 minuti, nessun posto");
        assertThat(format("vacancy.months", 1)).isEqualTo("1 mese");
        assertThat(format("vacancy.months", 12)).isEqualTo("12 mesi");
        assertThat(format("training.course.hoursShown", new java.math.BigDecimal("1"), "1")).isEqualTo("1 ora");
        assertThat(format("training.course.hoursShown", new java.math.BigDecimal("1.5"), "1,5")).isEqualTo("1,5 ore");
        assertThat(format("claim.cap.text", 2, 1, 2, 0, 2)).startsWith("successi della sede 2 × 1 ora = 2 ore consentite");
        assertThat(format("audit.verify.intact", 1234)).isEqualTo("Catena integra: 1.234 voci verificate.");
        List<String> broken = new ArrayList<>();
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            String text = bundle.getProperty(key);
            if (!text.contains(",choice,")) {
                continue;
            }
            for (int n = 0; n <= 2; n++) {
                Object[] args = new Object[arguments(text)];
                java.util.Arrays.fill(args, n);
                String shown = new MessageFormat(text, Locale.ITALIAN).format(args);
                if (shown.contains("{") || shown.contains("#") && !text.contains(",number,")) {
                    broken.add(key + " (" + n + "): " + shown);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** An open-ended period says "senza scadenza" on its own, never "al senza scadenza". */
    @Test
    void anOpenEndedPeriodIsNotAnEndDate() {
        assertThat(bundle.stringPropertyNames().stream()
                .filter(k -> bundle.getProperty(k).strip().equals("senza scadenza")).toList())
                .as("\"senza scadenza\" as the argument of \"al {0}\"").isEmpty();
        assertThat(format("agenda.template.validityOpen", "01/02/2026")).isEqualTo("Valido dal 01/02/2026, senza scadenza");
    }

    private String format(String key, Object... args) {
        return new MessageFormat(bundle.getProperty(key), Locale.ITALIAN).format(args);
    }

    private static int arguments(String text) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        int arguments = 0;
        while (placeholders.find()) {
            arguments = Math.max(arguments, Integer.parseInt(placeholders.group(1)) + 1);
        }
        return arguments;
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
