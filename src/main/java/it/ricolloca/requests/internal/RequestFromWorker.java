package it.ricolloca.requests.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.workers.WorkerPageActions;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Richiedi l'AdR" on the worker's page: offered to whoever may file an intermediated request, for a worker
 * of their CPI (or of none) in the invited sample with no open request; the form opens with the worker filled in.
 * Filing checks all of it again.
 */
@Component
class RequestFromWorker implements WorkerPageActions {

    private final RequestRights rights;
    private final Workers workers;
    private final VoucherRequestRepository requests;

    RequestFromWorker(RequestRights rights, Workers workers, VoucherRequestRepository requests) {
        this.rights = rights;
        this.workers = workers;
        this.requests = requests;
    }

    @Override
    public List<Action> actionsFor(CurrentUser user, WorkerSummary worker) {
        boolean ours = worker.competentCentreId() == null || worker.competentCentreId().equals(user.centreId());
        if (!rights.canFile(user) || !ours || !workers.isInvited(worker.id())
                || requests.findByWorker(worker.id()).stream().anyMatch(r -> !r.getStatus().isFinal())) {
            return List.of();
        }
        return List.of(new Action("request.file.fromWorker", RequestRoutes.REQUEST_NEW + "?worker=" + worker.id()));
    }
}
