package it.ricolloca.agenda.internal;

import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentChanged;
import it.ricolloca.agenda.AppointmentMailDue;
import it.ricolloca.agenda.AppointmentMoves;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the worker by e-mail, with the calendar file attached, of an appointment fixed for them, moved
 * (the new time, the mail saying it replaces the old one) or cancelled, when
 * it is still to come and the worker is reached by e-mail (an address in the register, and e-mail allowed in
 * their contact preferences). Runs after the
 * change is committed; the mail itself is sent by the notifications module.
 */
@Component
class AppointmentNotices {

    private final AppointmentRepository appointments;
    private final AppointmentMoves moves;
    private final Agenda agenda;
    private final Workers workers;
    private final ApplicationEventPublisher events;

    AppointmentNotices(AppointmentRepository appointments, AppointmentMoves moves, Agenda agenda, Workers workers,
            ApplicationEventPublisher events) {
        this.appointments = appointments;
        this.moves = moves;
        this.agenda = agenda;
        this.workers = workers;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(AppointmentChanged changed) {
        Appointment a = appointments.findById(changed.appointmentId()).orElse(null);
        if (a == null || !a.getStartsAt().isAfter(Instant.now())) {
            return;
        }
        AppointmentMailDue.Kind kind;
        if (a.getStatus() == AppointmentStatus.BOOKED && changed.status() == AppointmentStatus.BOOKED) {
            kind = appointments.findByMovedToId(a.getId()).isPresent() ? AppointmentMailDue.Kind.CHANGED
                    : AppointmentMailDue.Kind.NEW;
        } else if (a.getStatus() == AppointmentStatus.CANCELLED && changed.status() == AppointmentStatus.CANCELLED) {
            kind = AppointmentMailDue.Kind.CANCELLED;
        } else {
            return;
        }
        // The worker's choice on their own pages: no e-mail when they said no (ADR 0040).
        String email = workers.mayEmail(a.getWorkerId()) ? workers.email(a.getWorkerId()).orElse(null) : null;
        if (email == null) {
            return;
        }
        WorkerSummary w = workers.find(a.getWorkerId()).orElseThrow();
        OfficeSummary office = agenda.offices().get(a.getOfficeId());
        events.publishEvent(new AppointmentMailDue(a.getId(), a.getVersion(), kind, email, w.displayName(),
                a.getStartsAt(), office == null ? "" : office.label() + ", " + office.municipality(), a.getPurpose(),
                moves.ics(a, office, kind == AppointmentMailDue.Kind.CANCELLED)));
    }
}
