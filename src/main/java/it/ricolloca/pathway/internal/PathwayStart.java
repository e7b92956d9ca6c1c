package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.AppointmentChanged;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOpened;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.requests.ReleasedRequest;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The start of a pathway: the queue of released requests the provider CPI has to schedule, the
 * first appointment that takes the request in charge (a slot of the chosen office, or a contact
 * where it has no agenda, or one that already took place recorded on its date), and the service's
 * start when that appointment is held. A missed first appointment does not end anything: a new one
 * is booked; an unjustified absence is also reported to the competent CPI as a breach (DOMAIN.md
 * section 4), and only a closed pathway (a decadenza) refuses a new booking.
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
    private final Conditionality conditionality;
    private final ServiceRequestTerms terms;
    private final ApplicationEventPublisher events;

    PathwayStart(PathwayRepository pathways, HandoffQueue released, Agenda agenda, JobCentres centres,
            PathwayRights rights, PathwayLifecycle lifecycle, AuditTrail audit, Messages messages,
            Conditionality conditionality, ServiceRequestTerms terms, ApplicationEventPublisher events) {
        this.events = events;
        this.terms = terms;
        this.messages = messages;
        this.conditionality = conditionality;
        this.pathways = pathways;
        this.released = released;
        this.agenda = agenda;
        this.centres = centres;
        this.rights = rights;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    /**
     * A released request waiting for its first appointment, with the office the worker chose and, when
     * the two months to ask for the service are near or passed, the warning (null otherwise).
     */
    public record QueueItem(ReleasedRequest request, OfficeSummary office, ServiceRequestWarning warning) {
    }

    /** The released requests at the user's CPI offices (every CPI for the region) without a first appointment. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(CurrentUser user) {
        return queue(user, false);
    }

    /** As above, only the requests no first appointment was ever booked for when {@code unscheduled}. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(CurrentUser user, boolean unscheduled) {
        Map<Long, OfficeSummary> offices = centres.offices().stream().filter(o -> user.canSeeCasesOf(o.centreId()))
                .collect(Collectors.toMap(OfficeSummary::id, o -> o));
        List<ReleasedRequest> candidates = released.atOffices(offices.keySet(), unscheduled);
        Set<Long> scheduled = agenda.withFirstAppointment(candidates.stream().map(ReleasedRequest::requestId).toList());
        List<ReleasedRequest> waiting = candidates.stream().filter(r -> !scheduled.contains(r.requestId())).toList();
        Map<Long, ServiceRequestWarning> warnings = terms.warnings(waiting.stream()
                .collect(Collectors.toMap(ReleasedRequest::requestId, ReleasedRequest::releasedOn)), Dates.today());
        return waiting.stream().map(r -> new QueueItem(r, offices.get(r.providerOfficeId()), warnings.get(r.requestId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public QueueItem queued(CurrentUser user, long requestId) {
        ReleasedRequest request = released.find(requestId).orElseThrow(NotFoundException::new);
        OfficeSummary office = centres.office(request.providerOfficeId()).filter(o -> user.canSeeCasesOf(o.centreId()))
                .orElseThrow(NotFoundException::new);
        return new QueueItem(request, office, null);
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

    /** Whether the request's first appointment is booked already (by this user or another). */
    public boolean alreadyBooked(long requestId) {
        return !agenda.withFirstAppointment(List.of(requestId)).isEmpty();
    }

    /**
     * Books the first appointment in a slot of the chosen office (or by contact where it has no agenda):
     * again after a missed one, unless the pathway is closed; never before the release.
     */
    public long bookFirstAppointment(CurrentUser user, long requestId, ZonedDateTime start, Integer contactMinutes,
            String contactNote, String pastJustification) {
        QueueItem item = bookable(user, requestId);
        Pathway pathway = openPathway(item, start.toLocalDate());
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

    /**
     * Records a first appointment that already took place, on its date and time and with its outcome
     * (held, justified or unjustified absence), outside the agenda's slots: no template or special
     * period is touched. Refused in the future and before the release; a held one starts the service
     * on its date.
     */
    public long recordPastFirstAppointment(CurrentUser user, long requestId, LocalDate on, LocalTime at, int minutes,
            AppointmentStatus outcome, String note) {
        QueueItem item = bookable(user, requestId);
        if (on == null || at == null) {
            throw new PathwayRefusedException("pathway.first.pastWhen");
        }
        ZonedDateTime start = on.atTime(at).atZone(Dates.ZONE);
        Pathway pathway = openPathway(item, on);
        agenda.recordPast(user, item.office().id(), item.request().workerId(), requestId, AppointmentPurpose.FIRST, start,
                minutes, outcome, note);
        if (pathway.getTutorUserId() == null && user.hasRole(Role.CPI_TUTOR)) {
            lifecycle.assign(user, pathway, user.id(), messages.t("pathway.tutor.tookInCharge"));
        }
        audit.recordAs(user.username(), "PATHWAY_FIRST_APPOINTMENT_RECORDED", "Pathway", pathway.getId(),
                Detail.of("audit.detail.firstAppointmentRecorded", requestId, Dates.format(start.toInstant()),
                        outcome == null ? "" : Detail.label(outcome.labelKey())).encoded());
        return pathway.getId();
    }

    /** The request's pathway (created at its first booking), open, with no first appointment pending, on a date after the release. */
    private Pathway openPathway(QueueItem item, LocalDate on) {
        long requestId = item.request().requestId();
        conditionality.decadenza(item.request().workerId()).ifPresent(b -> {
            throw new PathwayRefusedException("pathway.first.afterDecadenza", Dates.format(b.getDecidedOn()));
        });
        if (!agenda.withFirstAppointment(List.of(requestId)).isEmpty()) {
            throw new PathwayRefusedException("pathway.first.alreadyBooked");
        }
        Pathway pathway = pathways.findByRequestId(requestId).orElseGet(() -> {
            Pathway opened = pathways.saveAndFlush(new Pathway(requestId, item.request().workerId(),
                    item.office().centreId(), item.office().id(), item.request().releasedOn(), Instant.now()));
            events.publishEvent(new PathwayOpened(opened.getId(), opened.getWorkerId(), opened.getCentreId()));
            return opened;
        });
        pathway.requireOpen();
        LocalDate release = pathway.getReleasedOn() != null ? pathway.getReleasedOn() : item.request().releasedOn();
        if (release != null && on.isBefore(release)) {
            throw new PathwayRefusedException("pathway.date.beforeRelease", Dates.format(release));
        }
        return pathway;
    }

    /**
     * Starts the pathway when its first appointment is recorded held, in the same transaction (refused,
     * and so the outcome with it, when held before the release). An unjustified absence at the first
     * appointment is reported to the worker's competent CPI as a missed appointment: the competent CPI
     * decides (conditionality), and a new first appointment can be booked meanwhile.
     */
    @EventListener
    void on(AppointmentChanged changed) {
        if (changed.requestId() == null || changed.purpose() != AppointmentPurpose.FIRST) {
            return;
        }
        LocalDate day = changed.startsAt().atZone(Dates.ZONE).toLocalDate();
        if (changed.status() == AppointmentStatus.HELD) {
            pathways.findByRequestId(changed.requestId()).ifPresent(p -> p.start(day));
        } else if (changed.status() == AppointmentStatus.ABSENT_UNJUSTIFIED) {
            pathways.findByRequestId(changed.requestId()).filter(p -> !p.isClosed()).ifPresent(p -> {
                String actor = changed.actor() == null ? "sistema" : changed.actor();
                var breach = conditionality.reportFromProvider(actor, p.getWorkerId(), p.getRequestId(),
                        centres.office(p.getOfficeId()).map(OfficeSummary::label).orElse(""), BreachKind.MISSED_APPOINTMENT,
                        day, messages.t("pathway.first.missedEvidence", Dates.format(day)));
                audit.recordAs(actor, "PATHWAY_FIRST_MISSED_REPORTED", "Pathway", p.getId(),
                        Detail.of("audit.detail.firstMissedReported", Dates.format(day), breach.getId()).encoded());
            });
        }
    }
}
