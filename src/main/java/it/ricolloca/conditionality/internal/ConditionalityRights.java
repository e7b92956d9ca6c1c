package it.ricolloca.conditionality.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Delegations;
import it.ricolloca.accounts.Role;
import it.ricolloca.shared.web.Dates;
import org.springframework.stereotype.Component;

/**
 * Who may act on the breaches of a competent CPI: its staff and the region read them; its master
 * user and operators report a private provider's breach and record justifications; its master
 * user, or an operator holding the conditionality delegation today, decides.
 */
@Component
public class ConditionalityRights {

    private final Delegations delegations;

    ConditionalityRights(Delegations delegations) {
        this.delegations = delegations;
    }

    public boolean canSee(CurrentUser user, long centreId) {
        return user.canSeeCasesOf(centreId);
    }

    /** Whether the user may report breaches for the workers of their own CPI. */
    public boolean canReport(CurrentUser user) {
        return user.centreId() != null && canInstruct(user, user.centreId());
    }

    public boolean canInstruct(CurrentUser user, long centreId) {
        return ownCentre(user, centreId) && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }

    public boolean canDecide(CurrentUser user, long centreId) {
        return ownCentre(user, centreId) && (user.hasRole(Role.CPI_MASTER) || (user.hasRole(Role.CPI_OPERATOR)
                && delegations.isActive(user.id(), DelegatedFunction.CONDITIONALITY, Dates.today())));
    }

    private static boolean ownCentre(CurrentUser user, long centreId) {
        return user.centreId() != null && user.centreId() == centreId;
    }
}
