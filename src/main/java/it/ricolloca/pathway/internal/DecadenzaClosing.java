package it.ricolloca.pathway.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.conditionality.DecadenzaDecided;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayClosed;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.Dates;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A decadenza decided by the competent CPI ends the service (DOMAIN.md section 5): every open
 * pathway of the worker closes with the outcome {@link PathwayOutcome#LOSS_OF_BENEFIT}, dated the
 * decision, and is announced as {@link PathwayClosed} like any closing, so the claim follows
 * (a Fee4Service for the hours served, never a success fee); a request still waiting in a provider's
 * queue leaves it, and no first appointment can be booked for the worker any more.
 */
@Component
class DecadenzaClosing {

    private final PathwayRepository pathways;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    @PersistenceContext
    private EntityManager entityManager;

    DecadenzaClosing(PathwayRepository pathways, JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.pathways = pathways;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(DecadenzaDecided decided) {
        List<Long> open = jdbc.sql("select id from pathway_pathway where worker_id = ? and closed_on is null order by id")
                .param(decided.workerId()).query(Long.class).list();
        for (long id : open) {
            Pathway p = pathways.findById(id).orElseThrow();
            p.close(PathwayOutcome.LOSS_OF_BENEFIT, decided.decidedOn(), null, null, Dates.today());
            entityManager.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            audit.recordAs(decided.decidedBy(), "PATHWAY_CLOSED_BY_DECADENZA", "Pathway", id,
                    Detail.of("audit.detail.closedByDecadenza", decided.breachId(), decided.decidedOn()).encoded());
            events.publishEvent(new PathwayClosed(p.getId(), p.getRequestId(), p.getWorkerId(), p.getCentreId(),
                    p.getOfficeId(), p.getOutcome(), p.getClosedOn(), null, null, null, p.totalHours(),
                    p.getTimesheetSignedOn(), decided.decidedBy()));
        }
        // A released request still waiting for its first appointment leaves the provider's queue: no service starts.
        jdbc.sql("delete from pathway_queue where worker_id = ?").param(decided.workerId()).update();
    }
}
