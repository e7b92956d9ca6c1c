package it.ricolloca.workers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.workers.WorkerRoutes;
import it.ricolloca.workers.internal.EducationEntry;
import it.ricolloca.workers.internal.WorkHistoryEntry;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerRegister;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A worker's record for other systems, scoped like the pages: out of scope is 404. */
@RestController
class WorkerApiController {

    /** A worker as the API returns it. */
    record WorkerDto(String codiceFiscale, String firstName, String lastName, LocalDate birthDate, String sex,
            String residenceMunicipality, String email, String phone, Long competentCentreId, LocalDate naspiStart,
            LocalDate naspiExpectedEnd, BigDecimal naspiMonthlyAmount, String naspiStatus, BigDecimal profilingIndex,
            LocalDate profilingDate, String skills, String languages, boolean needsCompletion,
            List<WorkHistoryEntry> workHistory, List<EducationEntry> education) {
    }

    private final WorkerRegister register;
    private final CurrentUsers currentUsers;

    WorkerApiController(WorkerRegister register, CurrentUsers currentUsers) {
        this.register = register;
        this.currentUsers = currentUsers;
    }

    @GetMapping(WorkerRoutes.API_WORKER)
    @Operation(summary = "Scheda del lavoratore per codice fiscale", security = @SecurityRequirement(name = "bearer"))
    WorkerDto worker(@PathVariable String codiceFiscale) {
        Worker w = register.openByTaxCode(currentUsers.require(), codiceFiscale);
        return new WorkerDto(w.getTaxCode(), w.getFirstName(), w.getLastName(), w.getBirthDate(), w.getSex(),
                w.getResidenceMunicipality(), w.getEmail(), w.getPhone(), w.getCompetentCentreId(), w.getNaspiStart(),
                w.getNaspiExpectedEnd(), w.getNaspiMonthlyAmount(),
                w.getNaspiStatus() == null ? null : w.getNaspiStatus().name(), w.getProfilingIndex(), w.getProfilingDate(),
                w.getSkills(), w.getLanguages(), w.isNeedsCompletion(), List.copyOf(w.getWorkHistory()),
                List.copyOf(w.getEducation()));
    }
}
