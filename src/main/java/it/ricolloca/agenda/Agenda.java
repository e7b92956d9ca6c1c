package it.ricolloca.agenda;

import java.util.Set;
import java.util.HashSet;
import java.util.Collection;
import java.time.Duration;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.agenda.internal.AgendaRights;
import it.ricolloca.agenda.internal.AgendaTemplateRepository;
import it.ricolloca.agenda.internal.AppointmentRepository;
import it.ricolloca.agenda.internal.ClosureRepository;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agenda of the provider offices, as pages and other modules use it: templates and closures
 * (managed by the CPI's master or an operator delegated for the agenda), the slots they produce
 * with their free places, and appointments (booked by the CPI's staff). Booking takes a lock per
 * office and per worker, so two bookings at once cannot exceed a slot's capacity nor give a worker
 * two appointments at the same time.
 */
@Service
@Transactional
public class Agenda {

    private static final int OFFICE_LOCK = 11;
    private static final int WORKER_LOCK = 12;

    private final AgendaTemplateRepository templates;
    private final ClosureRepository closures;
    private final AppointmentRepository appointments;
    private final JobCentres centres;
    private final AgendaRights rights;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    Agenda(AgendaTemplateRepository templates, ClosureRepository closures, AppointmentRepository appointments,
            JobCentres centres, AgendaRights rights, AuditTrail audit, ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.templates = templates;
        this.closures = closures;
        this.appointments = appointments;
        this.centres = centres;
        this.rights = rights;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** A slot with the appointments that occupy it. */
    public record SlotView(Slot slot, List<Appointment> appointments) {

        public int free() {
            return Math.max(0, slot.capacity() - appointments.size());
        }
    }

    // ---- rights ----

    /** The office, if the user may read its agenda (its CPI's staff, or the region); 404 otherwise. */
    @Transactional(readOnly = true)
    public OfficeSummary office(CurrentUser user, long officeId) {
        return ActGuard.visible(centres.office(officeId), o -> rights.canRead(user, o));
    }

    /** The office, if the user may manage its templates and closures; 404 or 403 otherwise. */
    @Transactional(readOnly = true)
    public OfficeSummary managedOffice(CurrentUser user, long officeId) {
        return ActGuard.allowed(centres.office(officeId), o -> rights.canRead(user, o), o -> rights.canManage(user, o),
                "agenda");
    }

    /** The appointment, if the user may change it (outcome, move, cancellation); 404 or 403 otherwise. */
    @Transactional(readOnly = true)
    public Appointment bookableAppointment(CurrentUser user, long id) {
        return ActGuard.allowed(appointments.findById(id), a -> visible(user, a), a -> bookable(user, a), "booking");
    }

    /** The template, if the user may end it; 404 or 403 otherwise. */
    @Transactional(readOnly = true)
    public AgendaTemplate managedTemplate(CurrentUser user, long templateId) {
        return ActGuard.allowed(templates.findById(templateId), t -> readable(user, t.getOfficeId()),
                t -> manageable(user, t.getOfficeId()), "agenda");
    }

    public boolean canManage(CurrentUser user, OfficeSummary office) {
        return rights.canManage(user, office);
    }

    public boolean canBook(CurrentUser user, OfficeSummary office) {
        return rights.canBook(user, office);
    }

    // ---- templates and closures ----

    @Transactional(readOnly = true)
    public List<AgendaTemplate> templates(long officeId) {
        return templates.findByOfficeIdOrderByValidFromDescIdDesc(officeId);
    }

    @Transactional(readOnly = true)
    public List<Closure> closures(long officeId) {
        return closures.findByOfficeIdOrderByFromDesc(officeId);
    }

    public AgendaTemplate addTemplate(CurrentUser user, long officeId, String name, TemplateKind kind, LocalDate from,
            LocalDate to, List<TemplateRule> rules) {
        OfficeSummary office = managed(user, officeId);
        AgendaTemplate t = templates.save(new AgendaTemplate(office.id(), name, kind, from, to, rules, user.username(),
                Instant.now()));
        audit.recordAs(user.username(), "AGENDA_TEMPLATE_ADDED", "AgendaTemplate", t.getId(),
                (to == null
                        ? Detail.of("audit.detail.templateFrom", office.label(), name, Detail.label(kind.labelKey()), from, rules.size())
                        : Detail.of("audit.detail.templateBetween", office.label(), name, Detail.label(kind.labelKey()), from, to,
                                rules.size())).encoded());
        return t;
    }

    /** The template, if the user may read its office's agenda; 404 otherwise. */
    @Transactional(readOnly = true)
    public AgendaTemplate template(CurrentUser user, long templateId) {
        AgendaTemplate t = templates.findById(templateId).orElseThrow(NotFoundException::new);
        office(user, t.getOfficeId());
        return t;
    }

    public void endTemplate(CurrentUser user, long templateId, Long version, LocalDate from) {
        AgendaTemplate t = ActGuard.act(templates.findById(templateId), x -> readable(user, x.getOfficeId()),
                x -> manageable(user, x.getOfficeId()), AgendaTemplate::getVersion, version, "agenda");
        t.endBefore(from);
        audit.recordAs(user.username(), "AGENDA_TEMPLATE_ENDED", "AgendaTemplate", templateId,
                Detail.of("audit.detail.templateEnded", t.getName(), t.getValidTo()).encoded());
    }

    public Closure addClosure(CurrentUser user, long officeId, LocalDate from, LocalDate to, String reason) {
        OfficeSummary office = managed(user, officeId);
        Closure c = closures.save(new Closure(office.id(), from, to, reason, user.username(), Instant.now()));
        audit.recordAs(user.username(), "AGENDA_CLOSURE_ADDED", "Closure", c.getId(),
                Detail.of("audit.detail.closure", office.label(), from, to, reason).encoded());
        return c;
    }

    /** Removes a closure; returns its office. */
    public long removeClosure(CurrentUser user, long closureId) {
        Closure c = ActGuard.allowed(closures.findById(closureId), x -> readable(user, x.getOfficeId()),
                x -> manageable(user, x.getOfficeId()), "agenda");
        closures.delete(c);
        audit.recordAs(user.username(), "AGENDA_CLOSURE_REMOVED", "Closure", closureId,
                Detail.of("audit.detail.closureRemoved", c.getFrom(), c.getTo(), c.getReason()).encoded());
        return c.getOfficeId();
    }

    // ---- patron saint: an annual closure of the office ----

    /** The office's patron saint, if recorded. */
    @Transactional(readOnly = true)
    public Optional<PatronSaint> patronSaint(long officeId) {
        return jdbc.sql("select office_id, saint, month, day, created_by from agenda_patron_saint where office_id = ?")
                .param(officeId).query((rs, n) -> new PatronSaint(rs.getLong(1), rs.getString(2),
                        MonthDay.of(rs.getInt(3), rs.getInt(4)), rs.getString(5))).optional();
    }

    /**
     * Records (or replaces) the office's patron saint: the office is closed on that day every year.
     * National holidays need no record: they are closed in every agenda.
     */
    public PatronSaint setPatronSaint(CurrentUser user, long officeId, String saint, int month, int day) {
        OfficeSummary office = managed(user, officeId);
        String name = saint == null ? "" : saint.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new AgendaRefusedException("agenda.patron.saintRequired");
        }
        MonthDay md;
        try {
            md = MonthDay.of(month, day);
        } catch (java.time.DateTimeException e) {
            throw new AgendaRefusedException("agenda.patron.dayInvalid");
        }
        jdbc.sql("""
                insert into agenda_patron_saint (office_id, saint, month, day, created_by, created_at) values (?, ?, ?, ?, ?, ?)
                on conflict (office_id) do update set saint = excluded.saint, month = excluded.month, day = excluded.day,
                created_by = excluded.created_by, created_at = excluded.created_at""")
                .params(office.id(), name, md.getMonthValue(), md.getDayOfMonth(), user.username(),
                        Timestamp.from(Instant.now())).update();
        PatronSaint saved = new PatronSaint(office.id(), name, md, user.username());
        audit.recordAs(user.username(), "AGENDA_PATRON_SAINT_SET", "Office", office.id(),
                Detail.of("audit.detail.patronSaint", office.label(), name, saved.dayLabel()).encoded());
        return saved;
    }

    /** Removes the office's patron saint: its day is open again (unless a national holiday). */
    public void removePatronSaint(CurrentUser user, long officeId) {
        OfficeSummary office = managed(user, officeId);
        PatronSaint old = patronSaint(officeId).orElseThrow(() -> new AgendaRefusedException("agenda.patron.none"));
        jdbc.sql("delete from agenda_patron_saint where office_id = ?").param(office.id()).update();
        audit.recordAs(user.username(), "AGENDA_PATRON_SAINT_REMOVED", "Office", office.id(),
                Detail.of("audit.detail.patronSaint", office.label(), old.saint(), old.dayLabel()).encoded());
    }

    // ---- slots ----

    /** The office's slots from one day to another (inclusive), each with the appointments that occupy it. */
    @Transactional(readOnly = true)
    public List<SlotView> slots(long officeId, LocalDate from, LocalDate to) {
        List<Slot> slots = SlotCalendar.slots(templates(officeId), closures(officeId),
                patronSaint(officeId).map(x -> Set.of(x.day())).orElse(Set.of()), from, to, Dates.ZONE);
        List<Appointment> booked = appointments.findAtOffice(officeId, from.atStartOfDay(Dates.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(Dates.ZONE).toInstant());
        Map<Instant, List<Appointment>> byStart = booked.stream().filter(a -> a.isFromAgenda() && a.getStatus().occupies())
                .collect(Collectors.groupingBy(Appointment::getStartsAt));
        return slots.stream().map(s -> new SlotView(s, byStart.getOrDefault(s.start().toInstant(), List.of()))).toList();
    }

    /** Every appointment at the office in the range, whatever its status, for the week view. */
    @Transactional(readOnly = true)
    public List<Appointment> appointmentsAt(long officeId, LocalDate from, LocalDate to) {
        return appointments.findAtOffice(officeId, from.atStartOfDay(Dates.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(Dates.ZONE).toInstant());
    }

    /**
     * The first appointments booked (no outcome yet) at these offices on that day, earliest first, in one
     * query: the list the home page's card opens.
     */
    @Transactional(readOnly = true)
    public List<Appointment> firstAppointmentsOn(Collection<Long> officeIds, LocalDate day) {
        if (officeIds.isEmpty()) {
            return List.of();
        }
        return appointments.findFirstBookedAt(officeIds, day.atStartOfDay(Dates.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(Dates.ZONE).toInstant());
    }

    /** The offices with a template in force on that day, in one query (the list of offices). */
    @Transactional(readOnly = true)
    public Set<Long> officesWithAgendaOn(LocalDate day) {
        return new HashSet<>(jdbc.sql("""
                select distinct office_id from agenda_template where valid_from <= :day and (valid_to is null or valid_to >= :day)""")
                .param("day", day).query(Long.class).list());
    }

    /** Whether a template is in force at the office on that day: with no agenda the appointment is agreed by contact. */
    @Transactional(readOnly = true)
    public boolean hasAgendaOn(long officeId, LocalDate day) {
        return SlotCalendar.templateOn(templates(officeId), day).isPresent();
    }

    // ---- appointments ----

    /** Books the worker in a slot of the office's agenda, starting at {@code start}. */
    public Appointment bookSlot(CurrentUser user, long officeId, long workerId, Long requestId,
            AppointmentPurpose purpose, ZonedDateTime start, String pastJustification) {
        OfficeSummary office = bookable(user, officeId);
        lock(OFFICE_LOCK, officeId);
        SlotView slot = slots(officeId, start.toLocalDate(), start.toLocalDate()).stream()
                .filter(s -> s.slot().start().toInstant().equals(start.toInstant())).findFirst()
                .orElseThrow(() -> new AgendaRefusedException("agenda.book.noSuchSlot"));
        if (slot.free() == 0) {
            throw new AgendaRefusedException("agenda.book.full");
        }
        return save(user, office, Appointment.book(officeId, workerId, requestId, purpose, slot.slot().start().toInstant(),
                slot.slot().end().toInstant(), slot.slot().staff(), true, null, pastJustification, user.username(),
                Instant.now()));
    }

    /** Records an appointment agreed with the worker by contact, where the office has no agenda that day. */
    public Appointment bookByContact(CurrentUser user, long officeId, long workerId, Long requestId,
            AppointmentPurpose purpose, ZonedDateTime start, int minutes, String contactNote, String pastJustification) {
        OfficeSummary office = bookable(user, officeId);
        if (hasAgendaOn(officeId, start.toLocalDate())) {
            throw new AgendaRefusedException("agenda.book.agendaPublished");
        }
        if (minutes < 5 || minutes > 480) {
            throw new AgendaRefusedException("agenda.rule.invalid");
        }
        return save(user, office, Appointment.book(officeId, workerId, requestId, purpose, start.toInstant(),
                start.plusMinutes(minutes).toInstant(), null, false, contactNote, pastJustification, user.username(),
                Instant.now()));
    }

    /**
     * Records an appointment that already took place, on its date and time and with its outcome, outside
     * the slot calendar: no template or special period is touched. Refused in the future.
     */
    public Appointment recordPast(CurrentUser user, long officeId, long workerId, Long requestId,
            AppointmentPurpose purpose, ZonedDateTime start, int minutes, AppointmentStatus outcome, String note) {
        OfficeSummary office = bookable(user, officeId);
        if (minutes < 5 || minutes > 480) {
            throw new AgendaRefusedException("agenda.rule.invalid");
        }
        Instant now = Instant.now();
        Appointment a = Appointment.past(officeId, workerId, requestId, purpose, start.toInstant(),
                start.plusMinutes(minutes).toInstant(), outcome, note, user.username(), now);
        lock(WORKER_LOCK, a.getWorkerId());
        if (!appointments.findOccupyingForWorker(a.getWorkerId(), a.getStartsAt(), a.getEndsAt()).isEmpty()) {
            throw new AgendaRefusedException("agenda.book.workerBusy");
        }
        Appointment saved = appointments.saveAndFlush(a);
        audit.recordAs(user.username(), "AGENDA_APPOINTMENT_RECORDED_PAST", "Appointment", saved.getId(),
                Detail.of("audit.detail.recordedPast", office.id(), Dates.format(saved.getStartsAt()), saved.getWorkerId(),
                        Detail.label(outcome.labelKey())).encoded());
        events.publishEvent(new AppointmentChanged(saved.getId(), saved.getRequestId(), saved.getWorkerId(),
                saved.getPurpose(), saved.getStatus(), saved.getStartsAt(), user.username()));
        return saved;
    }

    public void cancel(CurrentUser user, long id, Long version, String reason) {
        Appointment a = changeable(user, id, version);
        a.cancel(reason);
        changed(user, a, "AGENDA_APPOINTMENT_CANCELLED", "");
    }

    /**
     * The worker changed provider: the request's appointments still booked at another office than
     * {@code keptOfficeId} (null: at every office) are cancelled with the reason, by {@code actor}, so that
     * the new provider can fix its own.
     */
    public int cancelForProviderChange(long requestId, Long keptOfficeId, String reason, String actor) {
        int cancelled = 0;
        for (Appointment a : appointments.findByRequestIdOrderByStartsAtAscIdAsc(requestId)) {
            if (a.getStatus() == AppointmentStatus.BOOKED && (keptOfficeId == null || a.getOfficeId() != keptOfficeId)) {
                a.cancel(reason);
                audit.recordAs(actor, "AGENDA_APPOINTMENT_CANCELLED", "Appointment", a.getId(), "");
                events.publishEvent(new AppointmentChanged(a.getId(), a.getRequestId(), a.getWorkerId(), a.getPurpose(),
                        a.getStatus(), a.getStartsAt(), actor));
                cancelled++;
            }
        }
        return cancelled;
    }

    /** Moves the appointment to another slot of the same office: the old one is marked moved, with the reason. */
    public Appointment move(CurrentUser user, long id, Long version, ZonedDateTime newStart, String reason,
            String pastJustification) {
        Appointment old = changeable(user, id, version);
        old.move(reason);
        appointments.flush();
        Appointment replacement = old.isFromAgenda()
                ? bookSlot(user, old.getOfficeId(), old.getWorkerId(), old.getRequestId(), old.getPurpose(), newStart,
                        pastJustification)
                : bookByContact(user, old.getOfficeId(), old.getWorkerId(), old.getRequestId(), old.getPurpose(), newStart,
                        (int) Duration.between(old.getStartsAt(), old.getEndsAt()).toMinutes(),
                        old.getContactNote(), pastJustification);
        old.replacedBy(replacement.getId());
        changed(user, old, "AGENDA_APPOINTMENT_MOVED",
                Detail.of("audit.detail.moved", Dates.format(replacement.getStartsAt()), reason).encoded());
        return replacement;
    }

    public void recordOutcome(CurrentUser user, long id, Long version, AppointmentStatus outcome, String note) {
        Appointment a = changeable(user, id, version);
        a.recordOutcome(outcome, note, user.username(), Instant.now());
        changed(user, a, "AGENDA_APPOINTMENT_OUTCOME",
                Detail.of("audit.detail.outcome", Detail.label(outcome.labelKey())).encoded());
    }

    @Transactional(readOnly = true)
    public Appointment appointment(CurrentUser user, long id) {
        return ActGuard.visible(appointments.findById(id), a -> visible(user, a));
    }

    @Transactional(readOnly = true)
    public List<Appointment> ofRequest(long requestId) {
        return appointments.findByRequestIdOrderByStartsAtAscIdAsc(requestId);
    }

    /**
     * Of these requests, those whose first appointment is booked or was held. A missed one (justified
     * or not) does not count: a new first appointment is booked after it (DOMAIN.md section 4).
     */
    @Transactional(readOnly = true)
    public Set<Long> withFirstAppointment(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select distinct request_id from agenda_appointment where request_id in (:ids) and purpose = 'FIRST'
                and status in ('BOOKED', 'HELD')""")
                .param("ids", requestIds).query(Long.class).list());
    }

    /**
     * Of these requests, those for which a first appointment was ever fixed on or before {@code by}
     * (whatever became of it, unless cancelled): the worker asked for the service.
     */
    @Transactional(readOnly = true)
    public Set<Long> withFirstAppointmentFixedBy(Collection<Long> requestIds, LocalDate by) {
        if (requestIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select distinct request_id from agenda_appointment where request_id in (:ids) and purpose = 'FIRST'
                and status <> 'CANCELLED' and least(booked_at, starts_at) < :until""")
                .param("ids", requestIds).param("until", Timestamp.from(by.plusDays(1).atStartOfDay(Dates.ZONE).toInstant()))
                .query(Long.class).list());
    }

    /** The appointments of these requests in the range, in one query (a tutor's calendar). */
    @Transactional(readOnly = true)
    public List<Appointment> ofRequests(Collection<Long> requestIds, LocalDate from, LocalDate to) {
        return requestIds.isEmpty() ? List.of() : appointments.findOfRequests(requestIds,
                from.atStartOfDay(Dates.ZONE).toInstant(), to.plusDays(1).atStartOfDay(Dates.ZONE).toInstant());
    }

    /** Office names by id, for pages that list appointments of several offices. */
    @Transactional(readOnly = true)
    public Map<Long, OfficeSummary> offices() {
        return centres.offices().stream().collect(Collectors.toMap(OfficeSummary::id, Function.identity()));
    }

    private Appointment save(CurrentUser user, OfficeSummary office, Appointment a) {
        lock(WORKER_LOCK, a.getWorkerId());
        if (!appointments.findOccupyingForWorker(a.getWorkerId(), a.getStartsAt(), a.getEndsAt()).isEmpty()) {
            throw new AgendaRefusedException("agenda.book.workerBusy");
        }
        Appointment saved = appointments.saveAndFlush(a);
        audit.recordAs(user.username(), "AGENDA_APPOINTMENT_BOOKED", "Appointment", saved.getId(),
                Detail.of(saved.isFromAgenda() ? "audit.detail.booked" : "audit.detail.bookedByContact", office.id(),
                        Dates.format(saved.getStartsAt()), saved.getWorkerId(),
                        saved.getPastJustification() == null ? "" : Detail.label("audit.detail.recordedAfter")).encoded());
        events.publishEvent(new AppointmentChanged(saved.getId(), saved.getRequestId(), saved.getWorkerId(),
                saved.getPurpose(), saved.getStatus(), saved.getStartsAt(), user.username()));
        return saved;
    }

    private void changed(CurrentUser user, Appointment a, String action, String details) {
        audit.recordAs(user.username(), action, "Appointment", a.getId(), details);
        events.publishEvent(new AppointmentChanged(a.getId(), a.getRequestId(), a.getWorkerId(), a.getPurpose(),
                a.getStatus(), a.getStartsAt(), user.username()));
    }

    private Appointment changeable(CurrentUser user, long id, Long version) {
        return ActGuard.act(appointments.findById(id), a -> visible(user, a), a -> bookable(user, a),
                Appointment::getVersion, version, "booking");
    }

    private OfficeSummary managed(CurrentUser user, long officeId) {
        return managedOffice(user, officeId);
    }

    private OfficeSummary bookable(CurrentUser user, long officeId) {
        return ActGuard.allowed(centres.office(officeId), o -> rights.canRead(user, o), o -> rights.canBook(user, o),
                "booking");
    }

    private boolean visible(CurrentUser user, Appointment a) {
        return centres.office(a.getOfficeId()).filter(o -> rights.canSeeAppointments(user, o)).isPresent();
    }

    private boolean bookable(CurrentUser user, Appointment a) {
        return centres.office(a.getOfficeId()).filter(o -> rights.canBook(user, o)).isPresent();
    }

    private boolean readable(CurrentUser user, long officeId) {
        return centres.office(officeId).filter(o -> rights.canRead(user, o)).isPresent();
    }

    private boolean manageable(CurrentUser user, long officeId) {
        return centres.office(officeId).filter(o -> rights.canManage(user, o)).isPresent();
    }

    private void lock(int namespace, long id) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) l").params(namespace, (int) id)
                .query(Integer.class).single();
    }
}
