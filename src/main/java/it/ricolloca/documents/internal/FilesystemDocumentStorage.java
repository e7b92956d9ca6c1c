package it.ricolloca.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Contents as files under a directory (a shared volume when several nodes run), written to a
 * temporary name and moved into place, so a crash never leaves half a file under a key. Keys are
 * generated here and checked on reading: no path outside the directory can be read.
 */
@Component
@ConditionalOnProperty(name = "ricolloca.documents.storage", havingValue = "filesystem")
public class FilesystemDocumentStorage implements DocumentStorage {

    private static final String KEY = "fs-[0-9a-f]{2}/[0-9a-f-]{36}";

    private final Path root;

    public FilesystemDocumentStorage(@Value("${ricolloca.documents.directory:data/documents}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String write(byte[] content) {
        String id = UUID.randomUUID().toString();
        String key = "fs-" + id.substring(0, 2) + "/" + id;
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "tmp-", ".part");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    @Override
    public byte[] read(String key) {
        try {
            return Files.readAllBytes(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String key) {
        if (!key.matches(KEY)) {
            throw new IllegalArgumentException("chiave non valida");
        }
        Path p = root.resolve(key.substring(3)).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("chiave non valida");
        }
        return p;
    }
}
