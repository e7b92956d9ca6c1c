package it.ricolloca.agenda;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.agenda.internal.AppointmentRepository;
import it.ricolloca.agenda.internal.MoveRequestRepository;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's appointments as they see them from their own pages, the calendar file of each, and
 * their requests to move one ({@link MoveRequest} states the rule); the office's staff approve a
 * request by choosing another free slot (the appointment is moved as any move, see
 * {@link Agenda#move}) or refuse it with a reason. The worker reaches only their own appointments
 * and requests: any other id is not found. Every act is audited with its actor (the worker's own
 * acts with the worker).
 */
@Service
@Transactional
public class AppointmentMoves {

    private final AppointmentRepository appointments;
    private final MoveRequestRepository requests;
    private final Agenda agenda;
    private final AuditTrail audit;
    private final Messages messages;

    AppointmentMoves(AppointmentRepository appointments, MoveRequestRepository requests, Agenda agenda,
            AuditTrail audit, Messages messages) {
        this.appointments = appointments;
        this.requests = requests;
        this.agenda = agenda;
        this.audit = audit;
        this.messages = messages;
    }

    /** An appointment of the worker with its office and the worker's request to move it, if any. */
    public record WorkerAppointment(Appointment appointment, OfficeSummary office, MoveRequest request,
            boolean movedAtRequest) {

        /** Whether the worker may ask to move it now (the page offers the form only then). */
        public boolean movable(Instant now) {
            return appointment.getStatus() == AppointmentStatus.BOOKED && request == null && !movedAtRequest
                    && !now.isAfter(MoveRequest.deadline(appointment));
        }

        public Instant deadline() {
            return MoveRequest.deadline(appointment);
        }
    }

    /** A pending request with its appointment, for the office's staff. */
    public record Pending(MoveRequest request, Appointment appointment, OfficeSummary office) {
    }

    // ---- the worker ----

    /** The worker's appointments, the latest first, with their requests, in three queries. */
    @Transactional(readOnly = true)
    public List<WorkerAppointment> ofWorker(long workerId) {
        List<Appointment> list = appointments.findByWorkerIdOrderByStartsAtDescIdDesc(workerId);
        Map<Long, MoveRequest> byAppointment = requests.findByWorkerIdOrderByRequestedAtDesc(workerId).stream()
                .collect(Collectors.toMap(MoveRequest::getAppointmentId, Function.identity(), (a, b) -> a));
        Map<Long, MoveRequest> byReplacement = byAppointment.values().stream().filter(r -> r.getNewAppointmentId() != null)
                .collect(Collectors.toMap(MoveRequest::getNewAppointmentId, Function.identity(), (a, b) -> a));
        Map<Long, OfficeSummary> offices = agenda.offices();
        return list.stream().map(a -> new WorkerAppointment(a, offices.get(a.getOfficeId()), byAppointment.get(a.getId()),
                byReplacement.containsKey(a.getId()))).toList();
    }

    /** One of the worker's appointments; not found when it is another worker's. */
    @Transactional(readOnly = true)
    public WorkerAppointment ofWorker(long workerId, long appointmentId) {
        return ofWorker(workerId).stream().filter(w -> w.appointment().getId() == appointmentId).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** The worker asks to move one of their appointments, with a reason, within the rule. */
    public MoveRequest ask(long workerId, String actor, long appointmentId, String reason) {
        Appointment a = appointments.findById(appointmentId).filter(x -> x.getWorkerId() == workerId)
                .orElseThrow(NotFoundException::new);
        MoveRequest r = requests.saveAndFlush(MoveRequest.ask(a, reason,
                requests.findByAppointmentId(appointmentId).isPresent(), requests.existsByNewAppointmentId(appointmentId),
                actor, Instant.now()));
        audit.recordAs(actor, "WORKER_MOVE_REQUESTED", "Appointment", a.getId(),
                Detail.of("audit.detail.moveRequested", Dates.format(a.getStartsAt()), r.getReason()).encoded());
        return r;
    }

    /** The calendar file (ICS) of one of the worker's appointments; not found when it is another worker's. */
    @Transactional(readOnly = true)
    public byte[] ics(long workerId, long appointmentId) {
        WorkerAppointment w = ofWorker(workerId, appointmentId);
        return ics(w.appointment(), w.office(), false);
    }

    /**
     * The calendar file of an appointment (method PUBLISH, or CANCEL for one cancelled or moved), with a
     * stable identifier so that a calendar updates the event it already holds: a moved appointment keeps the
     * identifier of the first appointment of its chain of moves, with a sequence that grows at every change
     * (the sum of the versions along the chain), so the worker's calendar moves the event instead of keeping
     * the old one beside the new.
     */
    public byte[] ics(Appointment a, OfficeSummary office, boolean cancelled) {
        long first = a.getId();
        long sequence = a.getVersion();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Optional<Appointment> before = appointments.findByMovedToId(first); before.isPresent() && seen.add(first);
                before = appointments.findByMovedToId(first)) {
            first = before.get().getId();
            sequence += before.get().getVersion() + 1;
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Ricolloca//Agenda AdR//IT"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new Method(cancelled ? "CANCEL" : "PUBLISH"));
        VEvent event = new VEvent(a.getStartsAt(), a.getEndsAt(), messages.t("agenda.ics.summary",
                messages.t(a.getPurpose().labelKey())));
        event.add(new Uid("appuntamento-" + first + "@ricolloca"));
        event.add(new Sequence((int) Math.min(sequence, Integer.MAX_VALUE)));
        if (office != null) {
            event.add(new Location(office.label() + ", " + office.municipality()));
        }
        event.add(new Description(messages.t(a.getStatus().labelKey())));
        if (cancelled) {
            event.add(new Status("CANCELLED"));
        }
        calendar.add(event);
        return calendar.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- the office's staff ----

    /** The request, if the user sees its appointment; 404 otherwise. */
    @Transactional(readOnly = true)
    public MoveRequest request(CurrentUser user, long id) {
        MoveRequest r = requests.findById(id).orElseThrow(NotFoundException::new);
        agenda.appointment(user, r.getAppointmentId());
        return r;
    }

    /** The request about an appointment, if any (the appointment's page shows it). */
    @Transactional(readOnly = true)
    public Optional<MoveRequest> ofAppointment(long appointmentId) {
        return requests.findByAppointmentId(appointmentId);
    }

    /** The pending requests at these offices, the oldest first (the staff's list), in two queries. */
    @Transactional(readOnly = true)
    public List<Pending> pendingAt(Collection<Long> officeIds) {
        if (officeIds.isEmpty()) {
            return List.of();
        }
        List<MoveRequest> pending = requests.findByOfficeIdInAndStatusOrderByRequestedAtAscIdAsc(officeIds,
                MoveRequest.Status.PENDING);
        Map<Long, Appointment> byId = appointments.findAllById(pending.stream().map(MoveRequest::getAppointmentId).toList())
                .stream().collect(Collectors.toMap(Appointment::getId, Function.identity()));
        Map<Long, OfficeSummary> offices = agenda.offices();
        return pending.stream().map(r -> new Pending(r, byId.get(r.getAppointmentId()), offices.get(r.getOfficeId())))
                .toList();
    }

    /** Approves the request by moving the appointment to the free slot chosen; returns the new appointment. */
    public Appointment approve(CurrentUser user, long requestId, Long version, ZonedDateTime newStart) {
        MoveRequest r = decidable(user, requestId, version);
        Appointment old = appointments.findById(r.getAppointmentId()).orElseThrow(NotFoundException::new);
        Appointment replacement = agenda.move(user, old.getId(), old.getVersion(), newStart,
                messages.t("agenda.moveRequest.moveReason", r.getReason()), null);
        r.approve(replacement.getId(), user.username(), Instant.now());
        audit.recordAs(user.username(), "AGENDA_MOVE_REQUEST_APPROVED", "Appointment", old.getId(),
                Detail.of("audit.detail.moved", Dates.format(replacement.getStartsAt()), r.getReason()).encoded());
        return replacement;
    }

    /** Refuses the request with a reason the worker reads; the appointment stays as it is. */
    public void refuse(CurrentUser user, long requestId, Long version, String why) {
        MoveRequest r = decidable(user, requestId, version);
        r.refuse(why, user.username(), Instant.now());
        audit.recordAs(user.username(), "AGENDA_MOVE_REQUEST_REFUSED", "Appointment", r.getAppointmentId(),
                Detail.of("audit.detail.moveRefused", r.getRefusalReason()).encoded());
    }

    /** The free slots of the office from today to four weeks ahead, for the approval's choice. */
    @Transactional(readOnly = true)
    public List<ZonedDateTime> freeSlots(long officeId) {
        LocalDate today = Dates.today();
        Instant now = Instant.now();
        return agenda.slots(officeId, today, today.plusDays(28)).stream().filter(s -> s.free() > 0)
                .map(s -> s.slot().start()).filter(s -> s.toInstant().isAfter(now)).toList();
    }

    private MoveRequest decidable(CurrentUser user, long requestId, Long version) {
        MoveRequest r = requests.findById(requestId).orElseThrow(NotFoundException::new);
        agenda.bookableAppointment(user, r.getAppointmentId());
        ActGuard.current(r.getVersion(), version);
        if (!r.isPending()) {
            throw new AgendaRefusedException("agenda.moveRequest.decided");
        }
        return r;
    }
}
