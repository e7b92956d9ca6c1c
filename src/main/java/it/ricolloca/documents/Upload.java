package it.ricolloca.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/** A file as the browser sent it: its name and bytes; the type is decided by the content, not by the browser. */
public record Upload(String fileName, byte[] bytes) {

    /** The file of a form field, or null when the field was left empty. */
    public static Upload of(MultipartFile file) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return null;
        }
        try {
            return new Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
