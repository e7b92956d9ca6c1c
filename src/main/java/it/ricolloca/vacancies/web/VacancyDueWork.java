package it.ricolloca.vacancies.web;

import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import it.ricolloca.vacancies.VacancyRoutes;
import it.ricolloca.vacancies.internal.BoardQueries;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The offers due on the vacancy referent's home page (their CPI's; the whole board for the regional
 * service): offers with candidates to evaluate, offers past their closing date still open. One statement.
 */
@Component
class VacancyDueWork implements DueWorkSource {

    private final BoardQueries queries;

    VacancyDueWork(BoardQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        Long centre;
        if (scope.ofCentre() && scope.hasAny("CPI_VACANCY_REFERENT")) {
            centre = scope.centreId();
        } else if (!scope.ofCentre() && scope.hasAny("REGIONAL_VACANCY_MANAGER")) {
            centre = null;
        } else {
            return List.of();
        }
        return queries.dueAt(centre).stream().map(c -> new DueWork(40 + c.due().ordinal(),
                "home.due.vacancies." + c.due().name(),
                c.due() == BoardQueries.Due.EXPIRED ? "home.due.deadline" : "home.due.since", c.count(), c.oldest(),
                VacancyRoutes.BOARD + "?" + (centre == null ? "" : "centre=" + centre + "&")
                        + (c.due() == BoardQueries.Due.EXPIRED ? "sort=CLOSING&" : "sort=OLDEST&") + "due=" + c.due().name()))
                .toList();
    }
}
