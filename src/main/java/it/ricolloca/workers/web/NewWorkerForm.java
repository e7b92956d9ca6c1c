package it.ricolloca.workers.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Adding a worker to the register: codice fiscale, names and, for regional users, the competent CPI. */
public record NewWorkerForm(@NotBlank @Size(max = 20) String taxCode, @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName, Long competentCentreId) {

    static NewWorkerForm empty() {
        return new NewWorkerForm("", "", "", null);
    }
}
