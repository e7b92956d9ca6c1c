package it.ricolloca.requests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.network.JobCentres;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.requests.internal.RequestDue;
import it.ricolloca.requests.internal.RequestQueries.RequestView;
import it.ricolloca.requests.internal.RequestQueries.SnapshotStatus;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestRights;
import it.ricolloca.requests.internal.SilenceApprovals;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.PageView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The requests of the competent CPI (every CPI for the region), with deadlines and their snapshot history. */
@Controller
class RequestController {

    private final RequestQueries queries;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final RequestRights rights;
    private final Dossier documents;
    private final Parameters parameters;
    private final SilenceApprovals silence;

    RequestController(RequestQueries queries, CurrentUsers currentUsers, JobCentres centres, RequestRights rights,
            Dossier documents, Parameters parameters, SilenceApprovals silence) {
        this.silence = silence;
        this.queries = queries;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.rights = rights;
        this.documents = documents;
        this.parameters = parameters;
    }

    @Bean
    static MenuEntry requestsMenuEntry() {
        return new MenuEntry(MenuArea.WORKERS, 20, "nav.requests", RequestRoutes.REQUESTS, Role.caseFileRoleNames());
    }

    @AuditedRead(value = "REQUESTS_LISTED", record = "VoucherRequest", idVariable = "")
    @GetMapping(RequestRoutes.REQUESTS)
    String list(@RequestParam(required = false) RequestStatus status, @RequestParam(required = false) Long centre,
            @RequestParam(required = false) RequestDue due, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        String query = q == null ? "" : q.strip();
        StringBuilder base = new StringBuilder(RequestRoutes.REQUESTS + "?");
        if (status != null) {
            base.append("status=").append(status.name()).append('&');
        }
        if (centre != null && user.isRegional()) {
            base.append("centre=").append(centre).append('&');
        }
        if (due != null) {
            base.append("due=").append(due.name()).append('&');
        }
        String basePath = base.substring(0, base.length() - 1);
        model.addAttribute("requests", PageView.of(queries.search(user, status, centre, due, query,
                PageView.safePage(page), PageView.DEFAULT_SIZE), r -> r, query, basePath));
        model.addAttribute("status", status);
        model.addAttribute("due", due);
        model.addAttribute("centre", centre);
        model.addAttribute("statuses", Arrays.asList(RequestStatus.values()));
        model.addAttribute("centres", user.isRegional() ? centres.all() : List.of());
        model.addAttribute("canFile", rights.canFile(user));
        return "requests/requests";
    }

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.REQUEST)
    String show(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        VoucherRequest request = queries.load(user, id);
        if (silence.applyTo(request)) {
            request = queries.load(user, id);
        }
        List<Long> documentIds = new ArrayList<>();
        if (request.getRejectionNoticeLetterId() != null) {
            documentIds.add(request.getRejectionNoticeLetterId());
        }
        request.getObservations().forEach(o -> documentIds.addAll(o.getDocumentIds()));
        Map<Long, DossierDocument> docs = new HashMap<>();
        documents.find(documentIds).forEach(d -> docs.put(d.id(), d));
        model.addAttribute("page", new RequestPage(queries.get(user, id), request, queries.events(id), queries.history(id),
                docs, queries.ofWorker(user, request.getWorkerId()).stream().filter(r -> r.id() != id).toList(),
                rights.canInstruct(user, request.getCompetentCentreId()),
                rights.canDecide(user, request.getCompetentCentreId()),
                parameters.integer(Parameter.PROVIDER_CHANGES_ALLOWED, Dates.today()), Dates.today()));
        return "requests/request";
    }

    @AuditedRead(value = "REQUESTS_LISTED", record = "VoucherRequest", idVariable = "")
    @GetMapping(RequestRoutes.API_REQUESTS)
    @ResponseBody
    @Operation(summary = "Richieste nell'ambito dell'utente, per stato, CPI e codice fiscale o cognome",
            security = @SecurityRequirement(name = "bearer"))
    Map<String, Object> listApi(@RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) Long centre, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page) {
        var found = queries.search(currentUsers.require(), status, centre, q == null ? "" : q, PageView.safePage(page),
                100);
        return Map.of("page", found.getNumber(), "totalElements", found.getTotalElements(), "totalPages",
                found.getTotalPages(), "items", found.getContent());
    }

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.API_REQUEST)
    @ResponseBody
    @Operation(summary = "Una richiesta con la sua storia e la versione da indicare negli atti", security = @SecurityRequirement(name = "bearer"))
    Map<String, Object> showApi(@PathVariable long id) {
        Map<String, Object> answer = RequestAnswers.of(queries, currentUsers.require(), id);
        answer.put("history", queries.history(id));
        return answer;
    }
}
