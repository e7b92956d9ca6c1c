package it.ricolloca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.requests.RequestAction;
import it.ricolloca.vacancies.ReferralStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation and kind of record the code writes to the audit trail has its Italian label, so
 * the trail never shows a code: the codes are read from the sources (literals next to a call that
 * records, and the families built from an enum).
 */
class AuditLabelsTest {

    private static final Pattern ACTION = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Pattern RECORD = Pattern.compile("\"([A-Z][a-z][A-Za-z]+)\"");

    @Test
    void everyRecordedOperationAndRecordKindHasALabel() throws IOException {
        Properties bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/messages.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> actions = new TreeSet<>();
        Set<String> records = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String[] lines = Files.readString(f).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i];
                    if (line.contains(".record(") || line.contains(".recordAs(") || line.contains("@AuditedRead")
                            || line.contains("changed(user")) {
                        String two = line + (i + 1 < lines.length ? lines[i + 1] : "");
                        collect(ACTION, two, actions);
                        collect(RECORD, two, records);
                    }
                }
            }
        }
        for (RequestAction a : RequestAction.values()) {
            actions.add("REQUEST_" + a.name());
        }
        for (ReferralStatus s : ReferralStatus.values()) {
            actions.add("REFERRAL_" + s.name());
        }
        assertThat(actions).hasSizeGreaterThan(100);
        assertThat(actions.stream().filter(a -> !bundle.containsKey("audit.action." + a))).as("operations without a label").isEmpty();
        assertThat(records).contains("VoucherRequest", "UserAccount", "Pathway");
        assertThat(records.stream().filter(r -> !bundle.containsKey("audit.record." + r))).as("records without a label").isEmpty();
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
