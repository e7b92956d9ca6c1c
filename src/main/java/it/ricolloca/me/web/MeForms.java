package it.ricolloca.me.web;

import it.ricolloca.documents.DocumentKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The forms of the worker's pages, one record each (ADR 0022). */
public final class MeForms {

    private MeForms() {
    }

    /** Observations on a notice of rejection, with the request's version the page was read at. */
    public record ObservationForm(@NotBlank
            @Size(max = 4000) String text, Long version) {
    }

    /** A document the worker uploads: what it is (the file comes as a part of its own). */
    public record UploadForm(@NotNull DocumentKind kind) {
    }

    /** The worker's contact preferences. */
    public record ContactsForm(boolean emailAllowed,
            @Size(max = 30)
            @Pattern(regexp = "^$|^[+]?[0-9 ./-]{6,30}$") String phone) {
    }
}
