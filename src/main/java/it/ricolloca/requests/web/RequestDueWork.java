package it.ricolloca.requests.web;

import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.requests.internal.RequestDue;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The requests due at the competent CPI on its master's and operators' home page (to decide, notices
 * whose window closed, observations to answer), and for the region the CPIs behind their decisions.
 * Each kind opens the list of requests filtered to exactly those requests.
 */
@Component
class RequestDueWork implements DueWorkSource {

    private final RequestQueries queries;

    RequestDueWork(RequestQueries queries) {
        this.queries = queries;
    }

    static String href(RequestDue due) {
        return RequestRoutes.REQUESTS + "?due=" + due.name();
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        if (scope.ofCentre() && scope.hasAny("CPI_MASTER", "CPI_OPERATOR")) {
            return queries.dueAt(scope.centreId()).stream()
                    .map(c -> new DueWork(10 + c.due().ordinal(), "home.due.requests." + c.due().name(),
                            "home.due.deadline", c.count(), c.oldest(), href(c.due())))
                    .toList();
        }
        if (!scope.ofCentre() && scope.hasAny("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE")) {
            RequestQueries.DueCount behind = queries.centresBehind();
            return List.of(new DueWork(20, "home.due.requests.centresBehind", "home.due.deadline", behind.count(),
                    behind.oldest(), href(RequestDue.OVERDUE)));
        }
        return List.of();
    }
}
