package it.ricolloca.shared.tabular;

import it.ricolloca.shared.tabular.ImportReport.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The rejected rows of an import as a CSV download: UTF-8 with BOM, {@code ;}, formulas neutralised. */
public final class RejectionsCsv {

    private RejectionsCsv() {
    }

    public static ResponseEntity<byte[]> download(String header, List<Rejection> rejections, String fileName) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(header).append("\r\n");
        for (Rejection r : rejections) {
            csv.append(r.line()).append(';').append(SpreadsheetText.csvField(r.taxCode())).append(';')
                    .append(SpreadsheetText.csvField(r.reason())).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
