package it.ricolloca.claims.web;

import io.swagger.v3.oas.annotations.Operation;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.claims.Claim;
import it.ricolloca.claims.ClaimKind;
import it.ricolloca.claims.ClaimRoutes;
import it.ricolloca.claims.ClaimStatus;
import it.ricolloca.claims.internal.ClaimWork;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.ApiProblemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The claims through the API, with the rights of their pages (the service checks them) and their audit:
 * the claim prepared when a pathway closed, the profiling index, the review, the submission, and the
 * region's payment or refusal, each with the claim's version. Signed copies are attached from the page.
 */
@RestController
class ClaimApiController {


    /** A claim as the API returns it, with what it still lacks while prepared. */
    record ClaimDto(long id, long pathwayId, long workerId, long centreId, long officeId, ClaimKind kind,
            ClaimStatus status, LocalDate closedOn, BigDecimal profilingIndex, BigDecimal serviceHours,
            BigDecimal claimedHours, BigDecimal amount, String explanation, LocalDate reviewedOn, LocalDate submittedOn,
            LocalDate decidedOn, BigDecimal paidAmount, String refusalReason, List<String> missing, long version) {

        static ClaimDto of(Claim c) {
            return new ClaimDto(c.getId(), c.getPathwayId(), c.getWorkerId(), c.getCentreId(), c.getOfficeId(),
                    c.getKind(), c.getStatus(), c.getClosedOn(), c.getProfilingIndex(), c.getServiceHours(),
                    c.getClaimedHours(), c.getAmount(), c.getExplanation(), c.getReviewedOn(), c.getSubmittedOn(),
                    c.getDecidedOn(), c.getPaidAmount(), c.getRefusalReason(),
                    c.getStatus() == ClaimStatus.PREPARED ? c.missing() : List.of(), c.getVersion());
        }
    }

    record ApiProfiling(@NotNull BigDecimal index, @NotNull Long version) {
    }

    record ApiVersion(@NotNull Long version) {
    }

    record ApiPayment(@NotNull @DecimalMin("0.01") BigDecimal amount, @NotNull LocalDate on, @NotNull Long version) {
    }

    record ApiRefusal(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate on, @NotNull Long version) {
    }

    private final ClaimWork work;
    private final CurrentUsers currentUsers;

    ClaimApiController(ClaimWork work, CurrentUsers currentUsers) {
        this.work = work;
        this.currentUsers = currentUsers;
    }

    @AuditedRead(value = "CLAIM_VIEWED", record = "Claim")
    @GetMapping(ClaimRoutes.API_CLAIM)
    @Operation(summary = "Una domanda di rimborso")
    @ApiProblemResponses
    ClaimDto claim(@PathVariable long id) {
        return ClaimDto.of(work.get(currentUsers.require(), id));
    }

    @GetMapping(ClaimRoutes.API_PATHWAY_CLAIM)
    @Operation(summary = "La domanda di rimborso preparata alla chiusura di un percorso (404 finché non c'è)")
    @ApiProblemResponses
    ClaimDto ofPathway(@PathVariable long pathwayId) {
        return ClaimDto.of(work.ofPathway(currentUsers.require(), pathwayId).orElseThrow(NotFoundException::new));
    }

    @PostMapping(ClaimRoutes.API_PROFILING)
    @Operation(summary = "Registra l'indice di profilazione che determina l'importo a risultato")
    @ApiProblemResponses
    ClaimDto profiling(@PathVariable long id, @Valid @RequestBody ApiProfiling body) {
        CurrentUser user = currentUsers.require();
        work.recordProfiling(user, id, body.version(), body.index());
        return ClaimDto.of(work.get(user, id));
    }

    @PostMapping(ClaimRoutes.API_REVIEW)
    @Operation(summary = "Conferma la verifica della domanda preparata")
    @ApiProblemResponses
    ClaimDto review(@PathVariable long id, @Valid @RequestBody ApiVersion body) {
        CurrentUser user = currentUsers.require();
        work.review(user, id, body.version());
        return ClaimDto.of(work.get(user, id));
    }

    @PostMapping(ClaimRoutes.API_SUBMIT)
    @Operation(summary = "Presenta la domanda alla Regione (Fee4Service nel tetto della sede)")
    @ApiProblemResponses
    ClaimDto submit(@PathVariable long id, @Valid @RequestBody ApiVersion body) {
        CurrentUser user = currentUsers.require();
        work.submit(user, id, body.version());
        return ClaimDto.of(work.get(user, id));
    }

    @PostMapping(ClaimRoutes.API_PAYMENT)
    @Operation(summary = "Registra il pagamento della domanda (Regione)")
    @ApiProblemResponses
    ClaimDto payment(@PathVariable long id, @Valid @RequestBody ApiPayment body) {
        CurrentUser user = currentUsers.require();
        work.recordPayment(user, id, body.version(), body.amount(), body.on());
        return ClaimDto.of(work.get(user, id));
    }

    @PostMapping(ClaimRoutes.API_REFUSAL)
    @Operation(summary = "Registra il rigetto della domanda (Regione), con il motivo")
    @ApiProblemResponses
    ClaimDto refusal(@PathVariable long id, @Valid @RequestBody ApiRefusal body) {
        CurrentUser user = currentUsers.require();
        work.recordRefusal(user, id, body.version(), body.reason(), body.on());
        return ClaimDto.of(work.get(user, id));
    }
}
