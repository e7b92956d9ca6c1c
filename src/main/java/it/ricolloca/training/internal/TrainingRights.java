package it.ricolloca.training.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the operators' training. The regional administrator and the regional AdR
 * service run it: courses, sessions, enrolment of anyone of the network, attendance and coverage.
 * A CPI's master enrols and withdraws the staff of their own CPI and downloads their certificates;
 * everyone downloads their own certificate. Another CPI's enrolments do not exist for a CPI user.
 */
@Component
public class TrainingRights {

    public boolean canManage(CurrentUser user) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE);
    }

    public boolean canEnrol(CurrentUser user) {
        return canManage(user) || isMaster(user);
    }

    /** Whether a session's list of enrolled shows this person of that CPI (null: none) to the user. */
    public boolean listsEnrolment(CurrentUser user, Long centreId, long personId) {
        return canManage(user) || user.centreId() != null && user.centreId().equals(centreId) || personId == user.id();
    }

    /** Whether an enrolment exists for the user when acting on it: not for another CPI's staff. */
    public boolean seesEnrolment(CurrentUser user, Long centreId) {
        return canManage(user) || user.centreId() == null || user.centreId().equals(centreId);
    }

    /** Withdrawal: the region, or the master of the enrolled person's CPI. */
    public boolean canWithdraw(CurrentUser user, Long centreId) {
        return canManage(user) || isMaster(user) && centreId != null && centreId.equals(user.centreId());
    }

    /** The certificate: the person, the region, or the master of the person's CPI. */
    public boolean canReadCertificate(CurrentUser user, Long centreId, long personId) {
        return canWithdraw(user, centreId) || personId == user.id();
    }

    private static boolean isMaster(CurrentUser user) {
        return user.centreId() != null && user.hasRole(Role.CPI_MASTER);
    }
}
