package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Delegations;
import it.ricolloca.accounts.Role;
import it.ricolloca.shared.web.Dates;
import org.springframework.stereotype.Component;

/**
 * Who may act on a request of a CPI: only that CPI's staff. Filing an intermediated request and
 * deciding (release, rejection, block, re-enabling) belong to the master user or to an operator
 * holding that delegation today; the checks, notices and observations to the CPI's master user and
 * operators. Regional users read only.
 */
@Component
public class RequestRights {

    private final Delegations delegations;

    RequestRights(Delegations delegations) {
        this.delegations = delegations;
    }

    public boolean canFile(CurrentUser user) {
        return user.centreId() != null && holds(user, DelegatedFunction.INTERMEDIATED_REQUEST);
    }

    public boolean canInstruct(CurrentUser user, long centreId) {
        return ownCentre(user, centreId) && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }

    public boolean canDecide(CurrentUser user, long centreId) {
        return ownCentre(user, centreId) && holds(user, DelegatedFunction.RELEASE);
    }

    private boolean holds(CurrentUser user, DelegatedFunction function) {
        return user.hasRole(Role.CPI_MASTER)
                || (user.hasRole(Role.CPI_OPERATOR) && delegations.isActive(user.id(), function, Dates.today()));
    }

    private static boolean ownCentre(CurrentUser user, long centreId) {
        return user.centreId() != null && user.centreId() == centreId;
    }
}
