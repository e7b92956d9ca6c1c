package it.ricolloca.claims.internal;

import it.ricolloca.pathway.PathwayClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Prepares the claim of each pathway that closes, after the closing commits (retried until it succeeds). */
@Component
class ClaimPreparation {

    private final ClaimWork work;

    ClaimPreparation(ClaimWork work) {
        this.work = work;
    }

    @ApplicationModuleListener
    void on(PathwayClosed closed) {
        work.prepare(closed);
    }
}
