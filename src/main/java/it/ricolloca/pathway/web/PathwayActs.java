package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Messages;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How every form of a pathway is handled: only the provider CPI's staff act (403 otherwise, 404
 * outside the user's CPI); a refusal or a lost race comes back to the page with the Italian reason;
 * success with the notice.
 */
@Component
class PathwayActs {

    /** One act on a pathway, by the signed-in user. */
    interface Act {
        void run(CurrentUser user);
    }

    private final PathwayWork work;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    PathwayActs(PathwayWork work, CurrentUsers currentUsers, Messages messages) {
        this.work = work;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /** Runs the act and redirects to {@code target}, or to the pathway's page when it is null. */
    String run(long id, RedirectAttributes redirect, String done, String target, Act act) {
        CurrentUser user = currentUsers.require();
        if (!work.canWork(user, work.get(user, id))) {
            throw new AccessDeniedException("pathway");
        }
        try {
            act.run(user);
            redirect.addFlashAttribute("flash", done);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("problem", messages.t("pathway.stale"));
        }
        return target != null ? target : "redirect:" + PathwayRoutes.pathway(id);
    }
}
