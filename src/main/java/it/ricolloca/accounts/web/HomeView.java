package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.shared.web.DueWork;
import java.util.List;

/** What the home page shows: the work due (only the kinds with something to do), the user's CPI and delegations. */
public record HomeView(CurrentUser user, Role role, CentreSummary centre, List<DelegationRow> delegations,
        int centreCount, List<DueWork> due) {
}
