package it.ricolloca.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.documents.internal.FilesystemDocumentStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem storage writes whole files under generated keys and reads nothing outside its directory. */
class FilesystemDocumentStorageTest {

    @TempDir Path dir;

    @Test
    void writesAndReadsBackUnderGeneratedKeysOnly() throws Exception {
        FilesystemDocumentStorage storage = new FilesystemDocumentStorage(dir);
        byte[] content = "%PDF-1.7 lettera".getBytes(StandardCharsets.US_ASCII);
        String key = storage.write(content);
        assertThat(key).matches("fs-[0-9a-f]{2}/[0-9a-f-]{36}");
        assertThat(storage.read(key)).isEqualTo(content);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("no temporary file left").noneMatch(n -> n.endsWith(".part"));
        }
        Files.writeString(dir.resolveSibling("segreto.txt"), "non leggibile");
        assertThatThrownBy(() -> storage.read("fs-../segreto.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.read("db-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
