package it.ricolloca.requests.web;

import io.swagger.v3.oas.annotations.Operation;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.requests.ActivePolicyChoice;
import it.ricolloca.requests.CheckKind;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.requests.internal.RequestWorkflow.ProviderChoice;
import it.ricolloca.shared.web.ApiProblemResponses;
import it.ricolloca.shared.web.Dates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The competent CPI's acts on a request through the API, with the same rights as the pages (the workflow
 * checks them: 404 outside the user's CPI, 403 without the right) and the same audit: filing, checks,
 * the contact about another active policy, the notice of rejection, the observations, release,
 * rejection, block, re-enabling, withdrawal, provider change. Each act carries the version of the
 * request it was decided on (409 when it changed meanwhile) and answers the request with its events.
 */
@RestController
class RequestApiController {


    /** An intermediated request: the worker's codice fiscale and the chosen provider (CPI office or agency). */
    record ApiFiling(@NotBlank @Size(max = 40) String taxCode, @NotBlank String providerType, Long officeId,
            @Size(max = 200) String agencyName) {
    }

    /** A check; for the NASpI check {@code unemployedSince} overrides the register's NASpI start (the four-months rule). */
    record ApiCheck(@NotNull CheckKind kind, @NotNull CheckOutcome outcome, @NotNull LocalDate checkedOn,
            @Size(max = 2000) String note, LocalDate unemployedSince, @NotNull Long version) {
    }

    /** The notice of rejection: its reasons and the day it is sent (today when absent). */
    record ApiNotice(@NotBlank @Size(max = 4000) String reasons, LocalDate sentOn, @NotNull Long version) {
    }

    /** A date of the notice: the day it was sent (an imported notice without one) or the day the worker received it. */
    record ApiNoticeDate(@NotNull LocalDate on, @NotNull Long version) {
    }

    record ApiPolicyContact(@NotNull LocalDate contactedOn, @NotNull ActivePolicyChoice choice,
            @Size(max = 2000) String note, @NotNull Long version) {
    }

    record ApiObservation(@NotNull LocalDate receivedOn, @NotBlank @Size(max = 4000) String text, @NotNull Long version) {
    }

    /** An act with its reasons (required for notice, block, re-enabling and withdrawal). */
    record ApiReasons(@NotBlank @Size(max = 4000) String reasons, @NotNull Long version) {
    }

    /** The release; without {@code version} the current one is taken (as before issue 18). */
    record ApiRelease(@Size(max = 4000) String note, @Size(max = 4000) String reasons, Long version) {
    }

    /** The rejection after the notice; without {@code version} the current one is taken (as before issue 18). */
    record ApiRejection(@NotBlank @Size(max = 4000) String reasons, @Size(max = 4000) String observationsAnswer,
            Long version) {
    }

    record ApiProvider(@NotBlank String providerType, Long officeId, @Size(max = 200) String agencyName,
            @NotNull Long version) {
    }

    private final RequestWorkflow workflow;
    private final RequestQueries queries;
    private final CurrentUsers currentUsers;

    RequestApiController(RequestWorkflow workflow, RequestQueries queries, CurrentUsers currentUsers) {
        this.workflow = workflow;
        this.queries = queries;
        this.currentUsers = currentUsers;
    }

    @PostMapping(RequestRoutes.API_REQUESTS)
    @Operation(summary = "Inserisce una richiesta intermediata dal CPI (master o operatore delegato)")
    @ApiProblemResponses
    Map<String, Object> file(@Valid @RequestBody ApiFiling body) {
        CurrentUser user = currentUsers.require();
        long id = workflow.fileIntermediated(user, body.taxCode(),
                new ProviderChoice(body.providerType(), body.officeId(), body.agencyName()));
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_CHECKS)
    @Operation(summary = "Registra una verifica (occupazione, NASpI, altra politica attiva) con il suo esito")
    @ApiProblemResponses
    Map<String, Object> check(@PathVariable long id, @Valid @RequestBody ApiCheck body) {
        CurrentUser user = visible(id);
        workflow.recordCheck(user, id, body.version(), body.kind(), body.outcome(), body.checkedOn(), body.note(),
                body.unemployedSince());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_ACTIVE_POLICY_CONTACT)
    @Operation(summary = "Registra il contatto con il lavoratore su un'altra politica attiva e la sua scelta")
    @ApiProblemResponses
    Map<String, Object> policyContact(@PathVariable long id, @Valid @RequestBody ApiPolicyContact body) {
        CurrentUser user = visible(id);
        workflow.recordActivePolicyContact(user, id, body.version(), body.contactedOn(), body.choice(), body.note());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_REJECTION_NOTICE)
    @Operation(summary = "Invia il preavviso di rigetto (art. 10-bis L. 241/1990) con le motivazioni")
    @ApiProblemResponses
    Map<String, Object> rejectionNotice(@PathVariable long id, @Valid @RequestBody ApiNotice body) {
        CurrentUser user = visible(id);
        workflow.sendRejectionNotice(user, id, body.version(), body.sentOn() != null ? body.sentOn() : Dates.today(),
                body.reasons().strip());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_NOTICE_DATE)
    @Operation(summary = "Registra la data di un preavviso di rigetto arrivato dall'elenco ministeriale senza data")
    @ApiProblemResponses
    Map<String, Object> noticeDate(@PathVariable long id, @Valid @RequestBody ApiNoticeDate body) {
        CurrentUser user = visible(id);
        workflow.recordNoticeDate(user, id, body.version(), body.on());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_NOTICE_RECEIPT)
    @Operation(summary = "Registra la data in cui il lavoratore ha ricevuto il preavviso: i 10 giorni per le osservazioni decorrono da qui")
    @ApiProblemResponses
    Map<String, Object> noticeReceipt(@PathVariable long id, @Valid @RequestBody ApiNoticeDate body) {
        CurrentUser user = visible(id);
        workflow.recordNoticeReceipt(user, id, body.version(), body.on());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_OBSERVATIONS)
    @Operation(summary = "Registra le osservazioni del lavoratore al preavviso (senza allegati: si caricano dalla pagina)")
    @ApiProblemResponses
    Map<String, Object> observation(@PathVariable long id, @Valid @RequestBody ApiObservation body) {
        CurrentUser user = visible(id);
        workflow.recordObservation(user, id, body.version(), body.receivedOn(), body.text().strip(), List.of());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_RELEASE)
    @Operation(summary = "Rilascia l'assegno (utente master o operatore delegato al rilascio)")
    @ApiProblemResponses
    Map<String, Object> release(@PathVariable long id, @Valid @RequestBody(required = false) ApiRelease body) {
        ApiRelease b = body == null ? new ApiRelease(null, null, null) : body;
        CurrentUser user = visible(id);
        String note = b.note() != null ? b.note() : b.reasons();
        workflow.release(user, id, version(user, id, b.version()), note);
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_REJECT)
    @Operation(summary = "Rigetta la richiesta dopo il preavviso (definitivo); il corpo porta le motivazioni")
    @ApiProblemResponses
    Map<String, Object> reject(@PathVariable long id, @Valid @RequestBody ApiRejection body) {
        CurrentUser user = visible(id);
        workflow.reject(user, id, version(user, id, body.version()), body.reasons().strip(), body.observationsAnswer());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_BLOCK)
    @Operation(summary = "Blocca la richiesta (decisione del CPI competente) con la motivazione")
    @ApiProblemResponses
    Map<String, Object> block(@PathVariable long id, @Valid @RequestBody ApiReasons body) {
        CurrentUser user = visible(id);
        workflow.block(user, id, body.version(), body.reasons().strip());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_REENABLE)
    @Operation(summary = "Riabilita una richiesta bloccata, con la motivazione")
    @ApiProblemResponses
    Map<String, Object> reenable(@PathVariable long id, @Valid @RequestBody ApiReasons body) {
        CurrentUser user = visible(id);
        workflow.reenable(user, id, body.version(), body.reasons().strip());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_WITHDRAW)
    @Operation(summary = "Registra la rinuncia del lavoratore alla richiesta, con la motivazione")
    @ApiProblemResponses
    Map<String, Object> withdraw(@PathVariable long id, @Valid @RequestBody ApiReasons body) {
        CurrentUser user = visible(id);
        workflow.withdraw(user, id, body.version(), body.reasons().strip());
        return answer(user, id);
    }

    @PostMapping(RequestRoutes.API_REQUEST_PROVIDER)
    @Operation(summary = "Cambia il soggetto erogatore (CPI o agenzia) nei limiti dei cambi ammessi")
    @ApiProblemResponses
    Map<String, Object> provider(@PathVariable long id, @Valid @RequestBody ApiProvider body) {
        CurrentUser user = visible(id);
        workflow.changeProvider(user, id, body.version(),
                new ProviderChoice(body.providerType(), body.officeId(), body.agencyName()));
        return answer(user, id);
    }

    /** The user, when the request is in their scope (404 otherwise, as on the pages, before any right is weighed). */
    private CurrentUser visible(long id) {
        CurrentUser user = currentUsers.require();
        queries.load(user, id);
        return user;
    }

    private Map<String, Object> answer(CurrentUser user, long id) {
        return RequestAnswers.of(queries, user, id);
    }

    private long version(CurrentUser user, long id, Long version) {
        return version != null ? version : queries.load(user, id).getVersion();
    }
}
