package it.ricolloca.shared.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file to import, copied once to a temporary file of this node while its size is checked and its
 * SHA-256 computed, so that it is never held whole in memory, can be read more than once (to detect a
 * CSV's encoding, then to parse it) and outlives the request that brought it (a background import).
 * Closing it deletes the copy.
 */
public final class TabularSource implements AutoCloseable {

    private static final Path SPOOL = Path.of(System.getProperty("java.io.tmpdir"), "ricolloca-imports");

    private final String fileName;
    private final Path path;
    private final long size;
    private final String sha256;

    private TabularSource(String fileName, Path path, long size, String sha256) {
        this.fileName = fileName == null ? "" : fileName;
        this.path = path;
        this.size = size;
        this.sha256 = sha256;
    }

    /** The uploaded file, refused beyond {@code maxBytes} as soon as its declared or copied size says so. */
    public static TabularSource of(MultipartFile file, long maxBytes) {
        if (file.getSize() > maxBytes) {
            throw new FileTooLargeException(maxBytes);
        }
        try (InputStream in = file.getInputStream()) {
            return spool(file.getOriginalFilename(), in, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Content already in memory (tests, generated files). */
    public static TabularSource of(String fileName, byte[] content) {
        return spool(fileName, new ByteArrayInputStream(content == null ? new byte[0] : content), Long.MAX_VALUE);
    }

    /** Copies the stream to a temporary file, at most {@code maxBytes}. */
    public static TabularSource spool(String fileName, InputStream in, long maxBytes) {
        Path path = null;
        try {
            Files.createDirectories(SPOOL);
            path = Files.createTempFile(SPOOL, "import-", ".bin");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long copied = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(path), digest)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    copied += n;
                    if (copied > maxBytes) {
                        throw new FileTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            TabularSource source = new TabularSource(fileName, path, copied, HexFormat.of().formatHex(digest.digest()));
            path = null;
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // the spool is cleaned at the next start
                }
            }
        }
    }

    /** Removes what a node that stopped abruptly left in its spool. */
    static void cleanSpool() {
        if (!Files.isDirectory(SPOOL)) {
            return;
        }
        try (var files = Files.list(SPOOL)) {
            long dayAgo = System.currentTimeMillis() - 24L * 3600 * 1000;
            for (Path p : files.toList()) {
                if (Files.getLastModifiedTime(p).toMillis() < dayAgo) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // nothing to clean now
        }
    }

    public String fileName() {
        return fileName;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public Path path() {
        return path;
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    /** The first bytes of the file, to recognise its format. */
    byte[] head(int n) {
        try (InputStream in = open()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the spool is cleaned at the next start
        }
    }
}
