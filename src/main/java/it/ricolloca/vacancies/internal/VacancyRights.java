package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Delegations;
import it.ricolloca.accounts.Role;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.PathwaySummary;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.vacancies.Vacancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what on the board, in one place. Every signed-in member of the network reads it;
 * the regional service (role Servizio Grandi Reclutamenti) and the named referents of a CPI add
 * and change that CPI's offers and evaluate their candidates; only the regional service loads the
 * board file. A pathway's tutor, or its CPI's master and operators, propose its worker; the
 * pathway's staff withdraw a proposal and close the pathway after a hire. A CPI's master, an
 * operator with the vacancy-board delegation, the regional service and the administrator name and
 * end the referents.
 */
@Component
@Transactional(readOnly = true)
public class VacancyRights {

    private final JdbcClient jdbc;
    private final Delegations delegations;
    private final Pathways pathways;

    VacancyRights(JdbcClient jdbc, Delegations delegations, Pathways pathways) {
        this.jdbc = jdbc;
        this.delegations = delegations;
        this.pathways = pathways;
    }

    /** Whether the user is the regional service, which edits the whole board. */
    public static boolean isRegionalService(CurrentUser user) {
        return user.centreId() == null && user.hasRole(Role.REGIONAL_VACANCY_MANAGER);
    }

    /** Every signed-in member of the network reads the board. */
    public static boolean canRead(CurrentUser user) {
        return !user.roles().isEmpty();
    }

    /** Only the regional service loads the board file: it runs the board. */
    public static boolean canImport(CurrentUser user) {
        return isRegionalService(user);
    }

    /** Whether the user sees the candidates of an offer: the staff of a CPI and the region. */
    public static boolean canSeeCandidates(CurrentUser user) {
        return user.isRegional() || user.centreId() != null;
    }

    /** Whether the user is, today, a named referent of that CPI. */
    public boolean isReferent(long userId, long centreId) {
        return jdbc.sql("select exists (select 1 from vacancies_referent where user_id = ? and centre_id = ? and ended_on is null)")
                .params(userId, centreId).query(Boolean.class).single();
    }

    /** Whether the user adds offers: the regional service, or a named referent of their CPI. */
    public boolean canCreate(CurrentUser user) {
        return isRegionalService(user) || user.centreId() != null && isReferent(user.id(), user.centreId());
    }

    /** Whether the user changes this offer (and evaluates its candidates): the regional service, or a named referent of its CPI. */
    public boolean canEdit(CurrentUser user, Vacancy v) {
        return isRegionalService(user) || v.getCentreId() != null && user.centreId() != null
                && user.centreId().equals(v.getCentreId()) && isReferent(user.id(), v.getCentreId());
    }

    /** Whether the user works on the pathway: master, operator or tutor of its provider CPI. */
    public boolean worksOn(CurrentUser user, PathwaySummary p) {
        return pathways.canWork(user, p);
    }

    /** Whether the user proposes for this pathway: its tutor, or the provider CPI's master or operators. */
    public boolean canPropose(CurrentUser user, PathwaySummary p) {
        if (!pathways.canWork(user, p)) {
            return false;
        }
        return user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR)
                || p.tutorUserId() != null && p.tutorUserId() == user.id();
    }

    /** Whether the user may name and end the referents of that CPI. */
    public boolean canName(CurrentUser user, long centreId) {
        if (isRegionalService(user) || user.isAdmin()) {
            return true;
        }
        if (user.centreId() == null || user.centreId() != centreId) {
            return false;
        }
        return user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR)
                && delegations.isActive(user.id(), DelegatedFunction.VACANCIES, Dates.today());
    }
}
