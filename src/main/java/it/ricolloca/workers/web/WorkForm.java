package it.ricolloca.workers.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A job to add to the work history. */
public record WorkForm(
        @NotBlank @Size(max = 200) String employer,
        @Pattern(regexp = "(\\d{11})?") String employerVat,
        @Size(max = 20) String professionCode,
        @Size(max = 200) String professionLabel,
        @Pattern(regexp = "(CP2011|CP2021)?") String classification,
        @Size(max = 60) String contractType,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
        Long version) {
}
