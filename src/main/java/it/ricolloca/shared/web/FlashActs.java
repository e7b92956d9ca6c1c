package it.ricolloca.shared.web;

import it.ricolloca.shared.DomainException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs an act of a form that redirects back to its page: done, its message as flash; refused by
 * a rule or outraced by another user, the Italian reason as the page's problem, nothing saved.
 */
public final class FlashActs {

    private FlashActs() {
    }

    public static void run(Messages messages, RedirectAttributes redirect, String doneKey, String staleKey, Runnable act) {
        try {
            act.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("problem", messages.t(staleKey));
        }
    }
}
