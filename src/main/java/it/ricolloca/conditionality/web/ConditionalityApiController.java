package it.ricolloca.conditionality.web;

import io.swagger.v3.oas.annotations.Operation;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.conditionality.Breach;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.BreachStatus;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.conditionality.ConditionalityRefusedException;
import it.ricolloca.conditionality.ConditionalityRoutes;
import it.ricolloca.conditionality.Sanction;
import it.ricolloca.conditionality.SuitableOffer;
import it.ricolloca.conditionality.web.ConditionalityForms.DecisionOutcome;
import it.ricolloca.shared.web.ApiProblemResponses;
import jakarta.validation.Valid;
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
 * Conditionality through the API, with the rights of its pages (the service checks them): a private
 * provider's report entered by the competent CPI, a breach, the worker's justification, and the decision
 * (accept the justification, or apply a sanction), each act with the breach's version and audited by the
 * service. A provider CPI reports a breach from the pathway ({@code /api/v1/pathways/{id}/breach}).
 */
@RestController
class ConditionalityApiController {


    /** A breach as the API returns it, with the sanction the ladder proposes while it is undecided. */
    record BreachDto(long id, long workerId, Long requestId, long competentCentreId, String provider, BreachKind kind,
            LocalDate occurredOn, String evidence, LocalDate reportedOn, LocalDate justificationDeadline,
            String justification, LocalDate justifiedOn, BreachStatus status, Sanction proposedSanction, Sanction sanction,
            String decisionReason, LocalDate decidedOn, long version) {
    }

    record ApiReport(@NotBlank @Size(max = 16) String taxCode, @NotBlank @Size(max = 200) String provider,
            @NotNull BreachKind kind, @NotNull LocalDate occurredOn, @NotBlank @Size(max = 4000) String evidence) {
    }

    record ApiJustification(@NotBlank @Size(max = 4000) String text, @NotNull LocalDate receivedOn,
            @NotNull Long version) {
    }

    /** {@code ACCEPT} the justification, or {@code SANCTION} with the sanction chosen. */
    record ApiDecision(@NotNull DecisionOutcome outcome, Sanction sanction, @Size(max = 4000) String reason,
            @NotNull Long version) {
    }

    /**
     * The suitable-offer finding on a refused offer: the offer (a vacancy of the board or a description) and the
     * facts, judged criterion by criterion by the rules in force on the offer's date; an unknown fact is left out.
     */
    record ApiFinding(Long vacancyId, @Size(max = 500) String offerDescription, @NotNull LocalDate offerDate,
            LocalDate unemployedSince, SuitableOffer.Coherence coherence, BigDecimal distanceKm, Integer travelMinutes,
            Boolean permanent, Integer durationMonths, BigDecimal offeredWeeklyHours, BigDecimal lastWeeklyHours,
            BigDecimal offeredMonthlyPay, BigDecimal workerContributions, BigDecimal collectiveMinimum,
            BigDecimal lastMonthlyBenefit) {
    }

    private final Conditionality conditionality;
    private final CurrentUsers currentUsers;

    ConditionalityApiController(Conditionality conditionality, CurrentUsers currentUsers) {
        this.conditionality = conditionality;
        this.currentUsers = currentUsers;
    }

    @PostMapping(ConditionalityRoutes.API_BREACHES)
    @Operation(summary = "Registra la segnalazione di un inadempimento da parte di un'agenzia privata (CPI competente)")
    @ApiProblemResponses
    BreachDto report(@Valid @RequestBody ApiReport body) {
        CurrentUser user = currentUsers.require();
        conditionality.requireReporter(user);
        Breach b = conditionality.reportForPrivateProvider(user, body.taxCode(), body.provider().strip(), body.kind(),
                body.occurredOn(), body.evidence());
        return dto(conditionality.get(user, b.getId()));
    }

    @AuditedRead(value = "BREACH_VIEWED", record = "Breach")
    @GetMapping(ConditionalityRoutes.API_BREACH)
    @Operation(summary = "Una segnalazione di inadempimento, con la sanzione proposta")
    @ApiProblemResponses
    BreachDto breach(@PathVariable long id) {
        return dto(conditionality.get(currentUsers.require(), id));
    }

    @PostMapping(ConditionalityRoutes.API_JUSTIFICATION)
    @Operation(summary = "Registra la giustificazione del lavoratore, come ricevuta")
    @ApiProblemResponses
    BreachDto justification(@PathVariable long id, @Valid @RequestBody ApiJustification body) {
        CurrentUser user = currentUsers.require();
        conditionality.forJustification(user, id);
        conditionality.recordJustification(user, id, body.version(), body.text(), body.receivedOn());
        return dto(conditionality.get(user, id));
    }

    @PostMapping(ConditionalityRoutes.API_DECISION)
    @Operation(summary = "Decide sulla segnalazione: accoglie la giustificazione o applica la sanzione scelta")
    @ApiProblemResponses
    BreachDto decision(@PathVariable long id, @Valid @RequestBody ApiDecision body) {
        CurrentUser user = currentUsers.require();
        conditionality.forDecision(user, id);
        if (body.outcome() == DecisionOutcome.ACCEPT) {
            conditionality.acceptJustification(user, id, body.version(), body.reason());
        } else {
            if (body.sanction() == null) {
                throw new ConditionalityRefusedException("conditionality.sanction.required");
            }
            conditionality.applySanction(user, id, body.version(), body.sanction(), body.reason());
        }
        return dto(conditionality.get(user, id));
    }

    @PostMapping(ConditionalityRoutes.API_FINDINGS)
    @Operation(summary = "Registra la verifica dell'offerta congrua rifiutata, criterio per criterio, con le regole in vigore alla data dell'offerta")
    @ApiProblemResponses
    FindingView finding(@PathVariable long id, @Valid @RequestBody ApiFinding body) {
        CurrentUser user = currentUsers.require();
        conditionality.get(user, id);
        SuitableOffer.Facts facts = new SuitableOffer.Facts(body.unemployedSince(), body.offerDate(), body.coherence(),
                body.distanceKm(), body.travelMinutes(), body.permanent(), body.durationMonths(),
                body.offeredWeeklyHours(), body.lastWeeklyHours(), body.offeredMonthlyPay(), body.workerContributions(),
                body.collectiveMinimum(), body.lastMonthlyBenefit());
        return FindingView.of(conditionality.recordFinding(user, id, facts, body.vacancyId(),
                body.offerDescription() == null ? null : body.offerDescription().strip()));
    }

    @AuditedRead(value = "BREACH_VIEWED", record = "Breach")
    @GetMapping(ConditionalityRoutes.API_FINDINGS)
    @Operation(summary = "Le verifiche dell'offerta congrua di un'inadempienza, dalla più recente")
    @ApiProblemResponses
    List<FindingView> findings(@PathVariable long id) {
        return conditionality.findings(currentUsers.require(), id).stream().map(FindingView::of).toList();
    }

    private BreachDto dto(Breach b) {
        return new BreachDto(b.getId(), b.getWorkerId(), b.getRequestId(), b.getCompetentCentreId(), b.getProvider(),
                b.getKind(), b.getOccurredOn(), b.getEvidence(), b.getReportedOn(), b.getJustificationDeadline(),
                b.getJustification(), b.getJustifiedOn(), b.getStatus(),
                b.getStatus() == BreachStatus.REPORTED ? conditionality.proposal(b) : b.getProposedSanction(),
                b.getSanction(), b.getDecisionReason(), b.getDecidedOn(), b.getVersion());
    }
}
