package it.ricolloca.pathway.internal;

import it.ricolloca.agenda.Agenda;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayClosed;
import it.ricolloca.pathway.PathwayMovedToProvider;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.requests.Handoff;
import it.ricolloca.requests.Handoffs;
import it.ricolloca.requests.RequestAction;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.VoucherRequestChanged;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A change of provider once the pathway exists (its first appointment booked or held): the pathway
 * moves to the new provider's CPI and office, its tutor is no longer named (the new CPI names its
 * own), appointments still booked at the old office are cancelled, and the move is kept ({@code pathway_provider_move}) and shown on the pathway's page. The old
 * CPI no longer sees or acts on it. A move to a private agency closes the pathway at the CPI with the
 * outcome {@link PathwayOutcome#TRANSFERRED_TO_PRIVATE}: the service goes on with the agency, outside
 * this system (the claim of the hours served follows the closing as for any outcome but a hire).
 * <p>
 * {@link VoucherRequestChanged} carries neither the new office nor who changed it: the new provider is
 * read from {@link Handoffs} as the request stands now, and the move is recorded by {@value #ACTOR}.
 */
@Component
class ProviderMoves {

    static final String ACTOR = "sistema";

    /** One move of the pathway: from an office to another (or to a private agency: no office). */
    record Move(long fromCentreId, long fromOfficeId, Long toCentreId, Long toOfficeId, LocalDate movedOn, String movedBy) {
    }

    private final PathwayRepository pathways;
    private final Handoffs handoffs;
    private final JobCentres centres;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Agenda agenda;

    ProviderMoves(PathwayRepository pathways, Handoffs handoffs, JobCentres centres, JdbcClient jdbc, AuditTrail audit,
            ApplicationEventPublisher events, Messages messages, Agenda agenda) {
        this.agenda = agenda;
        this.pathways = pathways;
        this.handoffs = handoffs;
        this.centres = centres;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
    }

    List<Move> of(long pathwayId) {
        return jdbc.sql("""
                select from_centre_id, from_office_id, to_centre_id, to_office_id, moved_on, moved_by
                from pathway_provider_move where pathway_id = ? order by moved_at, id""").param(pathwayId)
                .query((rs, n) -> new Move(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getDate(5).toLocalDate(), rs.getString(6)))
                .list();
    }

    @ApplicationModuleListener
    void on(VoucherRequestChanged changed) {
        if (changed.action() != RequestAction.CHANGE_PROVIDER || changed.from() != RequestStatus.RELEASED
                || changed.to() != RequestStatus.RELEASED) {
            return;
        }
        Pathway p = pathways.findByRequestId(changed.requestId()).filter(x -> !x.isClosed()).orElse(null);
        Handoff h = handoffs.of(changed.requestId()).orElse(null);
        if (p == null || h == null) {
            return;
        }
        LocalDate today = Dates.today();
        if (h.atOffice()) {
            OfficeSummary office = centres.office(h.providerOfficeId()).orElse(null);
            if (office == null || office.id() == p.getOfficeId()) {
                return;
            }
            record(p, office.centreId(), office.id(), today);
            agenda.cancelForProviderChange(p.getRequestId(), office.id(), messages.t("pathway.move.cancelReason"), ACTOR);
            p.moveToProvider(office.centreId(), office.id());
            pathways.saveAndFlush(p);
            events.publishEvent(new PathwayMovedToProvider(p.getId(), p.getWorkerId(), office.centreId(), office.id()));
            audit.recordAs(ACTOR, "PATHWAY_PROVIDER_MOVED", "Pathway", p.getId(),
                    Detail.of("audit.detail.providerMoved", office.label()).encoded());
        } else {
            record(p, null, null, today);
            agenda.cancelForProviderChange(p.getRequestId(), null, messages.t("pathway.move.cancelReason"), ACTOR);
            p.close(PathwayOutcome.TRANSFERRED_TO_PRIVATE, today, messages.t("pathway.move.privateNote"), null, today);
            pathways.saveAndFlush(p);
            audit.recordAs(ACTOR, "PATHWAY_CLOSED", "Pathway", p.getId(), Detail.of("audit.detail.closed",
                    Detail.label(PathwayOutcome.TRANSFERRED_TO_PRIVATE.labelKey()), today, "").encoded());
            events.publishEvent(new PathwayClosed(p.getId(), p.getRequestId(), p.getWorkerId(), p.getCentreId(),
                    p.getOfficeId(), p.getOutcome(), p.getClosedOn(), null, null, null, p.totalHours(),
                    p.getTimesheetSignedOn(), ACTOR));
        }
    }

    private void record(Pathway p, Long toCentre, Long toOffice, LocalDate on) {
        jdbc.sql("""
                insert into pathway_provider_move (pathway_id, from_centre_id, from_office_id, to_centre_id, to_office_id,
                    moved_on, moved_by, moved_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.getId(), p.getCentreId(), p.getOfficeId(), toCentre, toOffice, on, ACTOR,
                        Timestamp.from(Instant.now()))
                .update();
    }
}
