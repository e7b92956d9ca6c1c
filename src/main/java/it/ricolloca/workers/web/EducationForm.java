package it.ricolloca.workers.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A title to add to the education history. */
public record EducationForm(@NotBlank @Size(max = 200) String title, @Size(max = 200) String institution,
        @Min(1940) @Max(2100) Integer year, Long version) {
}
