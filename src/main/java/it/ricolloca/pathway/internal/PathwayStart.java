package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.AppointmentChanged;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.requests.ReleasedRequest;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The start of a pathway: the queue of released requests the provider CPI has to schedule, the
 * first appointment that takes the request in charge (a slot of the chosen office, or a contact
 * where it has no agenda), and the service's start when that appointment is held.
 */
@Service
@Transactional
public class PathwayStart {

    private final PathwayRepository pathways;
    private final HandoffQueue released;
    private final Agenda agenda;
    private final JobCentres centres;
    private final PathwayRights rights;
    private final PathwayLifecycle lifecycle;
    private final AuditTrail audit;
    private final Messages messages;

    PathwayStart(PathwayRepository pathways, HandoffQueue released, Agenda agenda, JobCentres centres,
            PathwayRights rights, PathwayLifecycle lifecycle, AuditTrail audit, Messages messages) {
        this.messages = messages;
        this.pathways = pathways;
        this.released = released;
        this.agenda = agenda;
        this.centres = centres;
        this.rights = rights;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    /** A released request waiting for its first appointment, with the office the worker chose. */
    public record QueueItem(ReleasedRequest request, OfficeSummary office) {
    }

    /** The released requests at the user's CPI offices (every CPI for the region) without a first appointment. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(CurrentUser user) {
        Map<Long, OfficeSummary> offices = centres.offices().stream().filter(o -> user.canSeeCasesOf(o.centreId()))
                .collect(Collectors.toMap(OfficeSummary::id, o -> o));
        List<ReleasedRequest> candidates = released.atOffices(offices.keySet());
        Set<Long> scheduled = agenda.withFirstAppointment(candidates.stream().map(ReleasedRequest::requestId).toList());
        return candidates.stream().filter(r -> !scheduled.contains(r.requestId()))
                .map(r -> new QueueItem(r, offices.get(r.providerOfficeId()))).toList();
    }

    @Transactional(readOnly = true)
    public QueueItem queued(CurrentUser user, long requestId) {
        ReleasedRequest request = released.find(requestId).orElseThrow(NotFoundException::new);
        OfficeSummary office = centres.office(request.providerOfficeId()).filter(o -> user.canSeeCasesOf(o.centreId()))
                .orElseThrow(NotFoundException::new);
        return new QueueItem(request, office);
    }

    /** The queued request, if the user books its first appointment (403 otherwise). */
    @Transactional(readOnly = true)
    public QueueItem bookable(CurrentUser user, long requestId) {
        QueueItem item = queued(user, requestId);
        ActGuard.require(canBook(user, item.office()), "booking");
        return item;
    }

    /** Whether the user books first appointments at this office: its CPI's staff. */
    public boolean canBook(CurrentUser user, OfficeSummary office) {
        return rights.canWork(user, office.centreId());
    }

    /** Books the first appointment in a slot of the chosen office (or by contact where it has no agenda). */
    /** Whether the request's first appointment is booked already (by this user or another). */
    public boolean alreadyBooked(long requestId) {
        return !agenda.withFirstAppointment(List.of(requestId)).isEmpty();
    }

    public long bookFirstAppointment(CurrentUser user, long requestId, ZonedDateTime start, Integer contactMinutes,
            String contactNote, String pastJustification) {
        QueueItem item = bookable(user, requestId);
        if (!agenda.withFirstAppointment(List.of(requestId)).isEmpty()) {
            throw new PathwayRefusedException("pathway.first.alreadyBooked");
        }
        Pathway pathway = pathways.findByRequestId(requestId).orElseGet(() -> pathways.saveAndFlush(new Pathway(requestId,
                item.request().workerId(), item.office().centreId(), item.office().id(), Instant.now())));
        if (contactMinutes == null) {
            agenda.bookSlot(user, item.office().id(), item.request().workerId(), requestId, AppointmentPurpose.FIRST, start,
                    pastJustification);
        } else {
            agenda.bookByContact(user, item.office().id(), item.request().workerId(), requestId, AppointmentPurpose.FIRST,
                    start, contactMinutes, contactNote, pastJustification);
        }
        if (pathway.getTutorUserId() == null && user.hasRole(Role.CPI_TUTOR)) {
            lifecycle.assign(user, pathway, user.id(), messages.t("pathway.tutor.tookInCharge"));
        }
        audit.recordAs(user.username(), "PATHWAY_FIRST_APPOINTMENT", "Pathway", pathway.getId(),
                Detail.of("audit.detail.firstAppointment", requestId, Dates.format(start.toInstant())).encoded());
        return pathway.getId();
    }

    /** Starts the pathway when its first appointment is recorded held, in the same transaction. */
    @EventListener
    void on(AppointmentChanged changed) {
        if (changed.requestId() != null && changed.purpose() == AppointmentPurpose.FIRST
                && changed.status() == AppointmentStatus.HELD) {
            pathways.findByRequestId(changed.requestId())
                    .ifPresent(p -> p.start(changed.startsAt().atZone(Dates.ZONE).toLocalDate()));
        }
    }
}
