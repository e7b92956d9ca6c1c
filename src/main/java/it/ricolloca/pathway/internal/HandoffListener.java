package it.ricolloca.pathway.internal;

import it.ricolloca.agenda.AppointmentChanged;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.requests.Handoff;
import it.ricolloca.requests.Handoffs;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequestChanged;
import it.ricolloca.requests.VoucherRequestReleased;
import it.ricolloca.requests.VoucherRequestsImported;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the provider's queue ({@code pathway_queue}) from the requests' events: a released request enters
 * its office's queue, a released request blocked, withdrawn or given another provider leaves it or moves,
 * an import's snapshot is read in batches and applied. Each listener reads the request as it stands now
 * through {@link Handoffs}, under one lock, so events handled out of order still leave the queue right.
 * The request leaves the queue when its pathway starts (its first appointment held).
 */
@Component
class HandoffListener {

    /** Requests read and applied at once when an import is handled. */
    static final int BATCH = 5_000;
    /** Serialises the queue's updates: each reads the requests' state after the previous one committed. */
    private static final long QUEUE_LOCK = 0x50_41_54_48_51_55L;

    private final Handoffs handoffs;
    private final JdbcTemplate jdbc;

    HandoffListener(Handoffs handoffs, JdbcTemplate jdbc) {
        this.handoffs = handoffs;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(VoucherRequestReleased released) {
        lock();
        handoffs.of(released.requestId()).ifPresent(h -> apply(List.of(h)));
    }

    /** A released request changed: another provider, a block, a withdrawal. */
    @ApplicationModuleListener
    void on(VoucherRequestChanged changed) {
        if (changed.from() != RequestStatus.RELEASED) {
            return;
        }
        lock();
        handoffs.of(changed.requestId()).ifPresent(h -> apply(List.of(h)));
    }

    @ApplicationModuleListener
    void on(VoucherRequestsImported imported) {
        lock();
        long after = 0;
        List<Handoff> batch;
        do {
            batch = handoffs.ofImport(imported.importId(), after, BATCH);
            apply(batch);
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).requestId();
        } while (batch.size() == BATCH);
    }

    /** The first appointment held starts the pathway: the request leaves the queue, in the same transaction. */
    @EventListener
    void on(AppointmentChanged changed) {
        if (changed.requestId() != null && changed.purpose() == AppointmentPurpose.FIRST
                && changed.status() == AppointmentStatus.HELD) {
            jdbc.update("delete from pathway_queue where request_id = ?", changed.requestId());
        }
    }

    private void lock() {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", QUEUE_LOCK);
    }

    /** The requests' rows replaced by what they are now: queued where released to an office and not started. */
    private void apply(List<Handoff> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("delete from pathway_queue where request_id = ?",
                batch.stream().map(h -> new Object[] {h.requestId()}).toList());
        jdbc.batchUpdate("""
                insert into pathway_queue (request_id, worker_id, office_id, centre_id, released_on)
                select ?, ?, ?, ?, ? where not exists (select 1 from pathway_pathway p
                    where p.request_id = ? and p.started_on is not null)""",
                batch.stream().filter(Handoff::atOffice).map(h -> new Object[] {h.requestId(), h.workerId(),
                        h.providerOfficeId(), h.competentCentreId(), h.releasedOn(), h.requestId()}).toList());
    }
}
