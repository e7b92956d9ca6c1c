package it.ricolloca.vacancies.web;

import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.vacancies.VacancyInterest;
import it.ricolloca.vacancies.internal.WorkerOffers.InterestRow;
import it.ricolloca.vacancies.internal.WorkerOffers.Offer;
import it.ricolloca.vacancies.web.VacancyForms.SetAsideForm;
import java.util.List;

/** What the pages of the workers' interests in offers show. */
public final class InterestViews {

    /** The tutor's page of one interest. */
    public record InterestPage(InterestRow interest, String worker, boolean canDecide, SetAsideForm form,
            FormErrors errors) {

        public boolean pending() {
            return interest.state() == VacancyInterest.State.PENDING;
        }
    }

    /** The worker's offers page: the ranked offers, whether they are ranked, the worker's interests, a refusal. */
    public record OffersPage(PageView<Offer> offers, boolean ranked, List<InterestRow> interests, String problem) {
    }

    private InterestViews() {
    }
}
