package it.ricolloca.vacancies.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.internal.Referrals;
import it.ricolloca.vacancies.internal.VacancyBoard;
import it.ricolloca.vacancies.internal.VacancyRights;
import it.ricolloca.vacancies.web.VacancyForms.OpenForm;
import it.ricolloca.vacancies.web.VacancyViews.Proposable;
import it.ricolloca.vacancies.web.VacancyViews.ReferralLine;
import it.ricolloca.vacancies.web.VacancyViews.VacancyView;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** An offer's page with its referrals and history; its forms (status, proposal) may come back open with what was typed. */
@Component
class VacancyPage {

    private final VacancyBoard board;
    private final VacancyRights rights;
    private final Referrals referrals;
    private final Pathways pathways;
    private final JobCentres centres;

    VacancyPage(VacancyBoard board, VacancyRights rights, Referrals referrals, Pathways pathways, JobCentres centres) {
        this.board = board;
        this.rights = rights;
        this.referrals = referrals;
        this.pathways = pathways;
        this.centres = centres;
    }

    String render(Model model, CurrentUser user, long id, OpenForm open) {
        Vacancy v = board.get(user, id);
        model.addAttribute("vacancy", VacancyView.of(v));
        model.addAttribute("centre", v.getCentreId() == null ? ""
                : centres.find(v.getCentreId()).map(CentreSummary::name).orElse(""));
        model.addAttribute("canEdit", rights.canEdit(user, v));
        model.addAttribute("history", board.history(id));
        model.addAttribute("referrals", referrals.ofVacancy(user, v).stream().map(ReferralLine::of).toList());
        long hires = referrals.hires(id);
        model.addAttribute("hires", hires);
        model.addAttribute("awaitsFilling", v.awaitsFilling(hires));
        model.addAttribute("proposable", v.getStatus().takesReferrals() ? proposable(user) : List.of());
        model.addAttribute("seesCandidates", VacancyRights.canSeeCandidates(user));
        model.addAttribute("open", open);
        return "vacancies/vacancy";
    }

    private List<Proposable> proposable(CurrentUser user) {
        return pathways.openFor(user, 500).stream().map(p -> new Proposable(p.pathwayId(), p.workerName())).toList();
    }
}
