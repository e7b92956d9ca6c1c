package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Delegations;
import it.ricolloca.accounts.Role;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.workers.ProviderAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may act on a request of a CPI: only that CPI's staff. Filing an intermediated request and
 * deciding (release, rejection, block, re-enabling) belong to the master user or to an operator
 * holding that delegation today; the checks, notices and observations to the CPI's master user and
 * operators. Regional users read only, and so does the provider CPI that holds the worker's pathway.
 */
@Component
public class RequestRights {

    private final Delegations delegations;
    private final List<ProviderAccess> providers;

    RequestRights(Delegations delegations, List<ProviderAccess> providers) {
        this.delegations = delegations;
        this.providers = providers;
    }

    /**
     * The competent CPI's case staff and the region read a request; so does the CPI that holds the worker's
     * pathway, for the released request that started it (read only: every act needs the competent CPI).
     */
    public boolean canRead(CurrentUser user, long competentCentreId, long workerId, RequestStatus status) {
        return user.canSeeCasesOf(competentCentreId)
                || (status == RequestStatus.RELEASED && providers.stream().anyMatch(p -> p.holds(user, workerId)));
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
