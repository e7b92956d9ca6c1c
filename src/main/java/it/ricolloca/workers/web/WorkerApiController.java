package it.ricolloca.workers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.shared.web.ApiProblemResponses;
import it.ricolloca.workers.InformationChannel;
import it.ricolloca.workers.WorkerRoutes;
import it.ricolloca.workers.internal.EducationEntry;
import it.ricolloca.workers.internal.WorkHistoryEntry;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerInformation;
import it.ricolloca.workers.internal.WorkerInformation.Contents;
import it.ricolloca.workers.internal.WorkerRegister;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    /** Accoglienza e informazione: when and how the worker was informed, and which of the four contents. */
    record ApiInformation(@NotNull LocalDate informedOn, @NotNull InformationChannel channel, Boolean aboutService,
            Boolean aboutVoluntary, Boolean aboutConditionality, Boolean aboutSuitableOffer) {
    }

    private final WorkerRegister register;
    private final WorkerInformation information;
    private final CurrentUsers currentUsers;

    WorkerApiController(WorkerRegister register, WorkerInformation information, CurrentUsers currentUsers) {
        this.register = register;
        this.information = information;
        this.currentUsers = currentUsers;
    }

    @PostMapping(WorkerRoutes.API_WORKER_INFORMATION)
    @Operation(summary = "Registra l'accoglienza e informazione del lavoratore (CPI competente)")
    @ApiProblemResponses
    List<WorkerInformation.Entry> inform(@PathVariable String codiceFiscale, @Valid @RequestBody ApiInformation body) {
        CurrentUser user = currentUsers.require();
        Worker w = register.openByTaxCode(user, codiceFiscale);
        information.record(user, w.getId(), body.informedOn(), body.channel(), Contents.told(body.aboutService(),
                body.aboutVoluntary(), body.aboutConditionality(), body.aboutSuitableOffer()));
        return information.of(w.getId());
    }

    @GetMapping(WorkerRoutes.API_WORKER_INFORMATION)
    @Operation(summary = "Le informazioni date al lavoratore, dalla più recente")
    @ApiProblemResponses
    List<WorkerInformation.Entry> information(@PathVariable String codiceFiscale) {
        return information.of(register.openByTaxCode(currentUsers.require(), codiceFiscale).getId());
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
