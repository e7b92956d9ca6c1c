package it.ricolloca.shared.tabular;

import java.util.Locale;
import org.springframework.http.MediaType;

/** The two workbook formats every spreadsheet download is offered in: XLSX and the open ODS (OpenDocument). */
public enum TabularFormat {
    XLSX("xlsx", TabularDownload.XLSX),
    ODS("ods", TabularDownload.ODS);

    private final String extension;
    private final MediaType mediaType;

    TabularFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** {@code base} with this format's extension: {@code registro-2026-03-31.ods}. */
    public String fileName(String base) {
        return base + "." + extension;
    }

    /** The format a download route asks for by its ending ({@code .ods} or {@code /ods}); XLSX otherwise. */
    public static TabularFormat ofPath(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith("ods") ? ODS : XLSX;
    }
}
