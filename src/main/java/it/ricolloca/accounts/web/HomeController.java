package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the signed-in user's role is for, their CPI and their active delegations. */
@Controller
class HomeController {

    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final DelegationAdministration delegations;

    HomeController(CurrentUsers currentUsers, JobCentres centres, DelegationAdministration delegations) {
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.delegations = delegations;
    }

    @GetMapping(AccountRoutes.HOME)
    String home(Model model) {
        CurrentUser user = currentUsers.require();
        CentreSummary centre = user.centreId() == null ? null : centres.find(user.centreId()).orElse(null);
        model.addAttribute("home", new HomeView(user, user.mainRole(), centre,
                delegations.activeFor(user.id()).stream().map(d -> DelegationRow.of(d, id -> user.centreId() != null && id == user.centreId() && centre != null
                        ? centre.name() : centres.find(id).map(CentreSummary::name).orElse(""))).toList(),
                centres.all().size()));
        return "accounts/home";
    }
}
