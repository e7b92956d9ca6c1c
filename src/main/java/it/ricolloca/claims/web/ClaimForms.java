package it.ricolloca.claims.web;

import it.ricolloca.documents.DocumentKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of a claim's page; each carries the claim's version as the page showed it, to detect a stale form. */
public final class ClaimForms {

    private ClaimForms() {
    }

    /** The worker's profiling index from the national portal, written the Italian way ({@code 0,73}). */
    public record ProfilingForm(@NotNull BigDecimal index, Long version) {
    }

    /** A signed timesheet or pact to attach (the file comes as a separate part). */
    public record AttachmentForm(@NotNull DocumentKind kind, Long version) {
    }

    /** An act without fields: review or submission. */
    public record VersionForm(Long version) {
    }

    /** The national agency paid this amount ({@code 1.650,50}) on that day. */
    public record PaymentForm(@NotNull BigDecimal amount,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Long version) {
    }

    /** The national agency refused the claim for this reason on that day. */
    public record RefusalForm(@NotBlank @Size(max = 1000) String reason,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Long version) {
    }
}
