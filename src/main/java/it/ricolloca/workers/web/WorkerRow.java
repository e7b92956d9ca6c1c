package it.ricolloca.workers.web;

import it.ricolloca.workers.internal.Worker;

/** One line of the register's search results. */
public record WorkerRow(long id, String taxCode, String name, String centre, boolean needsCompletion) {

    static WorkerRow of(Worker w, String centre) {
        String name = ((w.getLastName() == null ? "" : w.getLastName()) + " "
                + (w.getFirstName() == null ? "" : w.getFirstName())).strip();
        return new WorkerRow(w.getId(), w.getTaxCode(), name, centre, w.isNeedsCompletion());
    }
}
