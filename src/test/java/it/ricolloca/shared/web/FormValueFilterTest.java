package it.ricolloca.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Line breaks survive only in the fields that pages write as text areas; NUL goes from every field. */
class FormValueFilterTest {

    private static final Pattern TEXTAREA = Pattern.compile("<textarea[^>]*\\bname=\"([A-Za-z]+)\"");
    private static final Pattern TEXTAREA_FRAGMENT = Pattern.compile("@template\\.shared\\.textarea\\(name = \"([A-Za-z]+)\"");

    @Test
    void aSingleLineFieldLosesItsLineBreaksAndATextAreaKeepsThem() {
        assertThat(FormValueFilter.clean("title", "Avviso\r\n2026-11-29 INFO falso accesso di regione"))
                .isEqualTo("Avviso 2026-11-29 INFO falso accesso di regione");
        assertThat(FormValueFilter.clean("fullName", "Mario\nRossi\u2028Bis")).isEqualTo("Mario Rossi Bis");
        assertThat(FormValueFilter.clean("text", "Prima riga\r\nSeconda riga")).isEqualTo("Prima riga\r\nSeconda riga");
        assertThat(FormValueFilter.clean("text", "a\u0000b")).isEqualTo("ab");
        assertThat(FormValueFilter.clean("title", null)).isNull();
    }

    /** A text area added to a page without its name in the list would lose the user's line breaks. */
    @Test
    void everyTextAreaOfThePagesIsDeclaredMultiLine() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                String text = Files.readString(f);
                for (Pattern p : new Pattern[] {TEXTAREA, TEXTAREA_FRAGMENT}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        assertThat(names).isNotEmpty();
        assertThat(FormValueFilter.MULTI_LINE).containsAll(names);
    }
}
