package it.ricolloca.workers;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register as other modules use it. */
@Service
@Transactional
public class Workers {

    private final WorkerRepository workers;
    private final AuditTrail audit;

    Workers(WorkerRepository workers, AuditTrail audit) {
        this.workers = workers;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<WorkerSummary> findByTaxCode(String taxCode) {
        return workers.findByTaxCode(CodiceFiscale.normalise(taxCode)).map(Worker::summary);
    }

    /** The worker with this code, created as a stub flagged for completion when the register lacks it. */
    public WorkerSummary ensure(CodiceFiscale taxCode, Long competentCentreId) {
        return workers.findByTaxCode(taxCode.value()).orElseGet(() -> {
            Worker stub = workers.save(Worker.stub(taxCode, competentCentreId));
            audit.record("WORKER_STUB_CREATED", "Worker", stub.getId(), taxCode.value());
            return stub;
        }).summary();
    }
}
