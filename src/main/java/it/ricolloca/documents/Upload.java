package it.ricolloca.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as the browser sent it: its name, its size, and its content, which is read only when asked for
 * and only once its size has been accepted (the servlet container keeps an uploaded file on disk, so a
 * file far over the limit is refused without ever being read into memory). The type is decided by the
 * content, not by the browser.
 */
public final class Upload {

    private final String fileName;
    private final long size;
    private final byte[] content;
    private final MultipartFile file;

    /** A file already in memory (generated, or in a test). */
    public Upload(String fileName, byte[] content) {
        this.fileName = fileName == null ? "" : fileName;
        this.content = content == null ? new byte[0] : content;
        this.size = this.content.length;
        this.file = null;
    }

    private Upload(MultipartFile file) {
        this.fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        this.size = file.getSize();
        this.content = null;
        this.file = file;
    }

    /** The file of a form field, or null when the field was left empty. */
    public static Upload of(MultipartFile file) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return null;
        }
        return new Upload(file);
    }

    public String fileName() {
        return fileName;
    }

    /** The size the file has, known before its content is read. */
    public long size() {
        return size;
    }

    /**
     * The content, read now (each call reads the file again: nothing is kept in memory between a check and
     * the storing). Call only once the size has been accepted ({@code UploadInspector}).
     */
    public byte[] bytes() {
        if (content != null) {
            return content;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("file too large to read: " + size);
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
