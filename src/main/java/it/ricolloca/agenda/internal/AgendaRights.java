package it.ricolloca.agenda.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Delegations;
import it.ricolloca.accounts.Role;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.web.Dates;
import org.springframework.stereotype.Component;

/**
 * Who may do what on an office's agenda: its CPI's staff and the region read it; templates and
 * closures belong to the CPI's master user or to an operator holding the agenda delegation today;
 * appointments are booked and changed by the CPI's master user, operators and tutors; the people
 * an appointment is with are seen only by those who read the CPI's case files.
 */
@Component
public class AgendaRights {

    private final Delegations delegations;

    AgendaRights(Delegations delegations) {
        this.delegations = delegations;
    }

    public boolean canRead(CurrentUser user, OfficeSummary office) {
        return user.canSeeCentre(office.centreId());
    }

    public boolean canSeeAppointments(CurrentUser user, OfficeSummary office) {
        return canRead(user, office) && user.canSeeCasesOf(office.centreId());
    }

    public boolean canManage(CurrentUser user, OfficeSummary office) {
        return ownCentre(user, office) && (user.hasRole(Role.CPI_MASTER)
                || (user.hasRole(Role.CPI_OPERATOR) && delegations.isActive(user.id(), DelegatedFunction.AGENDA, Dates.today())));
    }

    public boolean canBook(CurrentUser user, OfficeSummary office) {
        return ownCentre(user, office) && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR)
                || user.hasRole(Role.CPI_TUTOR));
    }

    private static boolean ownCentre(CurrentUser user, OfficeSummary office) {
        return user.centreId() != null && user.centreId() == office.centreId();
    }
}
