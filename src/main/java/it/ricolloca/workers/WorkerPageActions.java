package it.ricolloca.workers;

import it.ricolloca.accounts.CurrentUser;
import java.util.List;

/**
 * The acts other modules offer on a worker's page (the requests module: filing a request for the worker):
 * the register shows them as links without knowing those modules. Each implementation answers only for
 * what the user may do.
 */
public interface WorkerPageActions {

    /** The acts the user may start from the worker's page, in order. */
    List<Action> actionsFor(CurrentUser user, WorkerSummary worker);

    /** A link: its label (a bundle key) and its address. */
    record Action(String labelKey, String href) {
    }
}
