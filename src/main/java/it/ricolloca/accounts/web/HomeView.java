package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.network.CentreSummary;
import java.util.List;

/** What the home page shows. */
public record HomeView(CurrentUser user, Role role, CentreSummary centre, List<DelegationRow> delegations,
        int centreCount) {
}
