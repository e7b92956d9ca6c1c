package it.ricolloca.workers.web;

import it.ricolloca.workers.NaspiStatus;
import it.ricolloca.workers.internal.Worker;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import it.ricolloca.shared.web.Numbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The worker's record form: identity, NASpI benefit, competent CPI, profiling and free text. */
public record WorkerForm(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 100) String residenceMunicipality,
        @Email @Size(max = 200) String email,
        @Size(max = 30) @Pattern(regexp = "[0-9 +./-]*") String phone,
        Long competentCentreId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate naspiStart,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate naspiExpectedEnd,
        @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal naspiMonthlyAmount,
        NaspiStatus naspiStatus,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 3) BigDecimal profilingIndex,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate profilingDate,
        @Size(max = 4000) String skills,
        @Size(max = 1000) String languages,
        @Size(max = 4000) String notes,
        Long version) {

    static WorkerForm of(Worker w) {
        return new WorkerForm(w.getFirstName(), w.getLastName(), w.getResidenceMunicipality(), w.getEmail(), w.getPhone(),
                w.getCompetentCentreId(), w.getNaspiStart(), w.getNaspiExpectedEnd(), w.getNaspiMonthlyAmount(),
                w.getNaspiStatus(), w.getProfilingIndex(), w.getProfilingDate(), w.getSkills(), w.getLanguages(),
                w.getNotes(), w.getVersion());
    }

    public String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal number ? Numbers.input(number) : value.toString();
    }
}
