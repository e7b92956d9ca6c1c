package it.ricolloca.claims.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the claims of a CPI. The region (administrator and AdR service) and the
 * provider CPI's master and operators see them; the CPI's master and operators prepare and review;
 * the master submits to the national agency; the master or the regional AdR service records its
 * answer.
 */
@Component
public class ClaimRights {

    /** Whether the user sees claims at all (the register's menu and route). */
    public boolean canUseRegister(CurrentUser user) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE)
                || user.centreId() != null && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }

    public boolean canSee(CurrentUser user, long centreId) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE) || ownStaff(user, centreId);
    }

    /** Master and operators of the provider CPI prepare and review. */
    public boolean canPrepare(CurrentUser user, long centreId) {
        return ownStaff(user, centreId);
    }

    /** The provider CPI's master submits to the national agency. */
    public boolean canSubmit(CurrentUser user, long centreId) {
        return user.centreId() != null && user.centreId() == centreId && user.hasRole(Role.CPI_MASTER);
    }

    /** The answer of the national agency: recorded by the CPI's master or the regional AdR service. */
    public boolean canDecide(CurrentUser user, long centreId) {
        return canSubmit(user, centreId) || user.hasRole(Role.REGIONAL_ADR_SERVICE);
    }

    private static boolean ownStaff(CurrentUser user, long centreId) {
        return user.centreId() != null && user.centreId() == centreId
                && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }
}
