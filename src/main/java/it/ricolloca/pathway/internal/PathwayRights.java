package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.pathway.Pathway;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the pathways of a provider CPI: that CPI's staff (master user, operators and
 * tutors) work on them, book the first appointment and keep the feeds of their offices; naming the
 * tutor belongs to the master user and the operators; the tutors each CPI has named are read by the
 * regional agency and by the CPI's master user. The region and other CPIs read only.
 */
@Component
public class PathwayRights {

    /** The pathways of this CPI are visible to the user (its case staff, the region). */
    public boolean canSee(CurrentUser user, long centreId) {
        return user.canSeeCasesOf(centreId);
    }

    /** The user works on the pathways of this CPI: master, operator or tutor of that CPI. */
    public boolean canWork(CurrentUser user, long centreId) {
        return ownCentre(user, centreId) && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR)
                || user.hasRole(Role.CPI_TUTOR));
    }

    public boolean canWork(CurrentUser user, Pathway p) {
        return canWork(user, p.getCentreId());
    }

    public boolean canAssignTutor(CurrentUser user, Pathway p) {
        return ownCentre(user, p.getCentreId()) && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }

    /** The qualifying experience of the CPI's own tutors: its master user and operators, who name them. */
    public boolean canRecordTutorExperience(CurrentUser user) {
        return user.centreId() != null && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }

    /** The communication of the tutors named by each CPI. */
    public boolean canReadTutors(CurrentUser user) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE) || user.hasRole(Role.CPI_MASTER);
    }

    /** A calendar feed of the user's own appointments: a tutor of a CPI. */
    public boolean canFollowOwnAppointments(CurrentUser user) {
        return user.centreId() != null && user.hasRole(Role.CPI_TUTOR);
    }

    private static boolean ownCentre(CurrentUser user, long centreId) {
        return user.centreId() != null && user.centreId() == centreId;
    }
}
