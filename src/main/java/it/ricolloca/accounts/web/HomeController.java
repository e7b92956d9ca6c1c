package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page as a work queue: every kind of item due for the user, which the modules contribute as
 * {@link DueWorkSource} beans (each counted by one statement), the oldest deadline first; then the
 * user's CPI and active delegations.
 */
@Controller
class HomeController {

    /** Kinds first by their oldest date (those without one after), then in the modules' order. */
    static final Comparator<DueWork> ORDER = Comparator.comparing(DueWork::oldest,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(DueWork::order);

    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final DelegationAdministration delegations;
    private final List<DueWorkSource> sources;

    HomeController(CurrentUsers currentUsers, JobCentres centres, DelegationAdministration delegations,
            List<DueWorkSource> sources) {
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.delegations = delegations;
        this.sources = sources;
    }

    @GetMapping(AccountRoutes.HOME)
    String home(Model model) {
        CurrentUser user = currentUsers.require();
        CentreSummary centre = user.centreId() == null ? null : centres.find(user.centreId()).orElse(null);
        model.addAttribute("home", new HomeView(user, user.mainRole(), centre,
                delegations.activeFor(user.id()).stream().map(d -> DelegationRow.of(d, id -> user.centreId() != null && id == user.centreId() && centre != null
                        ? centre.name() : centres.find(id).map(CentreSummary::name).orElse(""))).toList(),
                centres.all().size(), due(user)));
        return "accounts/home";
    }

    private List<DueWork> due(CurrentUser user) {
        DueScope scope = new DueScope(user.id(), user.isRegional() ? null : user.centreId(),
                user.roles().stream().map(Role::name).collect(Collectors.toSet()));
        return sources.stream().flatMap(s -> s.dueFor(scope).stream()).filter(DueWork::due).sorted(ORDER).toList();
    }
}
