package it.ricolloca.reporting.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the personal-data page takes and shows. */
public final class PrivacyViews {

    private PrivacyViews() {
    }

    /** The export form: the person's codice fiscale. */
    public record ExportForm(@NotBlank @Size(max = 40) String taxCode) {
    }

    /** A retention period as the page shows it. */
    public record Period(String labelKey, int months, String source) {
    }
}
