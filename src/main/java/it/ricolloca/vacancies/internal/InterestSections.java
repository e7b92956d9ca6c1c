package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.VacancyInterest;
import it.ricolloca.vacancies.VacancyRoutes;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Adds to a pathway's page the offers the worker marked as interesting from their own pages, each with
 * its state: to decide (propose the worker or set it aside), proposed, set aside.
 */
@Component
class InterestSections implements PathwaySection.Provider {

    private final WorkerOffers offers;
    private final Messages messages;

    InterestSections(WorkerOffers offers, Messages messages) {
        this.offers = offers;
        this.messages = messages;
    }

    @Override
    public PathwayTab tab() {
        return PathwayTab.OFFERS;
    }

    @Override
    public PathwaySection section(CurrentUser user, long pathwayId, long workerId) {
        List<PathwaySection.Line> lines = offers.ofPathway(user, pathwayId).stream()
                .map(r -> new PathwaySection.Line(messages.t("interest.line", r.profile(), r.companyName(),
                        Dates.format(r.expressedAt())), VacancyRoutes.interest(r.id()),
                        messages.t(r.state().labelKey()) + (r.state() == VacancyInterest.State.SET_ASIDE
                                ? " (" + r.setAsideReason() + ")" : "")))
                .toList();
        return new PathwaySection("interests", messages.t("interest.section.title"), messages.t("interest.section.empty"),
                lines, null, null);
    }
}
