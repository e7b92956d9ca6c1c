package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.shared.acts.ActGuard;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Component;

/**
 * The guard every act on a pathway passes, in the act's transaction: the pathway is visible to the
 * user (404 otherwise), the user holds the right for the act (403), the form was read at the
 * pathway's current version (stale form otherwise) and the pathway is still open. After the act
 * the version goes up whatever changed, so a concurrent act fails.
 */
@Component
class PathwayRecords {

    private final PathwayRepository pathways;
    private final PathwayRights rights;

    @PersistenceContext
    private EntityManager entityManager;

    PathwayRecords(PathwayRepository pathways, PathwayRights rights) {
        this.pathways = pathways;
        this.rights = rights;
    }

    /** The open pathway the user works on, at the form's version. */
    Pathway open(CurrentUser user, long id, Long version, String act) {
        return open(user, id, version, act, rights::canWork);
    }

    /** The open pathway on which the user holds {@code allowed}, at the form's version. */
    Pathway open(CurrentUser user, long id, Long version, String act, BiPredicate<CurrentUser, Pathway> allowed) {
        Pathway p = ActGuard.act(pathways.findById(id), x -> user.canSeeCentre(x.getCentreId()), x -> allowed.test(user, x),
                Pathway::getVersion, version, act);
        p.requireOpen();
        return p;
    }

    /** The version goes up at commit whatever changed (a pact, an assignment row), so a concurrent act fails. */
    void touch(Pathway p) {
        entityManager.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }
}
