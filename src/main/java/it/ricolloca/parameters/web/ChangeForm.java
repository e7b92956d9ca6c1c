package it.ricolloca.parameters.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A parameter's new value from a date on; {@code latestId} detects a stale form. */
public record ChangeForm(@Size(max = 100) String value,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
        @Size(max = 300) String legalSource, Long latestId) {
}
