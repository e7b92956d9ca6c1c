package it.ricolloca.pathway.web;

import it.ricolloca.network.JobCentres;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.internal.PathwayQueries;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The provider's work on the home page of its staff: workers to schedule (released to one of the CPI's
 * offices, no first appointment ever booked), pacts to sign, meetings overdue, diaries to review; a
 * tutor who is neither master nor operator sees only the pathways they follow. One counting statement
 * (after the CPI's offices and the two terms in force are read).
 */
@Component
class PathwayDueWork implements DueWorkSource {

    private final PathwayQueries queries;
    private final JobCentres centres;
    private final Parameters parameters;

    PathwayDueWork(PathwayQueries queries, JobCentres centres, Parameters parameters) {
        this.queries = queries;
        this.centres = centres;
        this.parameters = parameters;
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        if (!scope.ofCentre() || !scope.hasAny("CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR")) {
            return List.of();
        }
        boolean mine = !scope.hasAny("CPI_MASTER", "CPI_OPERATOR");
        long centre = scope.centreId();
        List<Long> offices = centres.officeIdsOf(centre);
        LocalDate today = Dates.today();
        return queries.dueAt(centre, mine ? scope.userId() : null, offices,
                parameters.integer(Parameter.PACT_WITHIN_DAYS, today),
                parameters.integer(Parameter.MEETING_EVERY_DAYS, today)).stream()
                .map(c -> "QUEUE".equals(c.kind())
                        ? new DueWork(30, "home.due.pathway.QUEUE", "home.due.since", c.count(), c.oldest(),
                                PathwayRoutes.QUEUE + "?due=" + PathwayQueueController.UNSCHEDULED)
                        : new DueWork(31, "home.due.pathway." + c.kind(),
                                "DIARY".equals(c.kind()) ? "home.due.since" : "home.due.deadline", c.count(), c.oldest(),
                                PathwayRoutes.PATHWAYS + "?" + (mine ? "mine=true&" : "") + "due=" + c.kind()))
                .toList();
    }
}
