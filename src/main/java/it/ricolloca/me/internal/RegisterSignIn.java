package it.ricolloca.me.internal;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.accounts.WorkerSignIn;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.PathwaySummary;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A worker may sign in when the register has their codice fiscale and their latest pathway, if any, is not
 * closed (ADR 0040): a worker whose request is still pending or was rejected signs in to read it.
 */
@Component
class RegisterSignIn implements WorkerSignIn {

    private final Workers workers;
    private final Pathways pathways;

    RegisterSignIn(Workers workers, Pathways pathways) {
        this.workers = workers;
        this.pathways = pathways;
    }

    @Override
    public Answer check(String fiscalCode) {
        Optional<WorkerSummary> worker = workers.findByTaxCode(fiscalCode);
        if (worker.isEmpty()) {
            return Answer.refused(Verdict.UNKNOWN);
        }
        WorkerSummary w = worker.get();
        if (pathways.latestOfWorker(w.id()).map(PathwaySummary::closed).orElse(false)) {
            return Answer.refused(Verdict.CLOSED);
        }
        return Answer.admitted(new WorkerPrincipal(w.id(), w.taxCode(), w.displayName()));
    }
}
