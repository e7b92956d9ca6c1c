package it.ricolloca.requests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestQueries.RequestView;
import it.ricolloca.requests.internal.RequestQueries.SnapshotStatus;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.PageView;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    RequestController(RequestQueries queries, CurrentUsers currentUsers, JobCentres centres) {
        this.queries = queries;
        this.currentUsers = currentUsers;
        this.centres = centres;
    }

    @Bean
    static MenuEntry requestsMenuEntry() {
        return new MenuEntry(22, "nav.requests", RequestRoutes.REQUESTS, Set.of());
    }

    @GetMapping(RequestRoutes.REQUESTS)
    String list(@RequestParam(required = false) RequestStatus status, @RequestParam(required = false) Long centre,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        String query = q == null ? "" : q.strip();
        StringBuilder base = new StringBuilder(RequestRoutes.REQUESTS + "?");
        if (status != null) {
            base.append("status=").append(status.name()).append('&');
        }
        if (centre != null && user.isRegional()) {
            base.append("centre=").append(centre).append('&');
        }
        String basePath = base.substring(0, base.length() - 1);
        model.addAttribute("requests", PageView.of(queries.search(user, status, centre, query, PageView.safePage(page),
                PageView.DEFAULT_SIZE), r -> r, query, basePath));
        model.addAttribute("status", status);
        model.addAttribute("centre", centre);
        model.addAttribute("statuses", Arrays.asList(RequestStatus.values()));
        model.addAttribute("centres", user.isRegional() ? centres.all() : List.of());
        return "requests/requests";
    }

    @GetMapping(RequestRoutes.REQUEST)
    String show(@PathVariable long id, Model model) {
        model.addAttribute("request", queries.get(currentUsers.require(), id));
        model.addAttribute("history", queries.history(id));
        return "requests/request";
    }

    @GetMapping(RequestRoutes.API_REQUESTS)
    @ResponseBody
    @Operation(summary = "Richieste nell'ambito dell'utente, per stato e CPI", security = @SecurityRequirement(name = "bearer"))
    Map<String, Object> listApi(@RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) Long centre, @RequestParam(required = false) Integer page) {
        var found = queries.search(currentUsers.require(), status, centre, "", PageView.safePage(page), 100);
        return Map.of("page", found.getNumber(), "totalElements", found.getTotalElements(), "totalPages",
                found.getTotalPages(), "items", found.getContent());
    }

    @GetMapping(RequestRoutes.API_REQUEST)
    @ResponseBody
    @Operation(summary = "Una richiesta con la sua storia", security = @SecurityRequirement(name = "bearer"))
    Map<String, Object> showApi(@PathVariable long id) {
        RequestView request = queries.get(currentUsers.require(), id);
        List<SnapshotStatus> history = queries.history(id);
        return Map.of("request", request, "history", history);
    }
}
