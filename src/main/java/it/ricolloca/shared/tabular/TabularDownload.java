package it.ricolloca.shared.tabular;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A table offered as a download, written by {@link TabularWriter}: what a controller returns for an XLSX, ODS or CSV. */
public final class TabularDownload {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType ODS = MediaType.parseMediaType("application/vnd.oasis.opendocument.spreadsheet");
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private TabularDownload() {
    }

    /** A workbook with one first sheet named {@code sheet}, filled by {@code content}. */
    public static ResponseEntity<byte[]> xlsx(String fileName, String sheet, Consumer<TabularWriter> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.xlsx(out, sheet)) {
            content.accept(writer);
        }
        return download(out.toByteArray(), fileName, XLSX);
    }

    /** A workbook in {@code format} (XLSX or ODS) named {@code base} plus its extension, one first sheet filled by {@code content}. */
    public static ResponseEntity<byte[]> workbook(TabularFormat format, String base, String sheet,
            Consumer<TabularWriter> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.workbook(format, out, sheet)) {
            content.accept(writer);
        }
        return download(out.toByteArray(), format.fileName(base), format.mediaType());
    }

    /** A CSV filled by {@code content}. */
    public static ResponseEntity<byte[]> csv(String fileName, Consumer<TabularWriter> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.csv(out)) {
            content.accept(writer);
        }
        return download(out.toByteArray(), fileName, CSV);
    }

    /** A file a service writes itself to the stream (a workbook or a CSV it builds with {@link TabularWriter}). */
    public static ResponseEntity<byte[]> written(String fileName, MediaType type, Consumer<OutputStream> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(out);
        return download(out.toByteArray(), fileName, type);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
