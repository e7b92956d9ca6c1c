package it.ricolloca.agenda.internal;

import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentReminderDue;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Before an appointment, reminds the worker by e-mail when their address is known: each booked
 * appointment starting within the lead time is marked reminded and an event is published in the
 * same transaction, so the e-mail goes out after commit, once, and is retried if the server is down.
 */
@Component
public class AppointmentReminders {

    private final AppointmentRepository appointments;
    private final Workers workers;
    private final Agenda agenda;
    private final ApplicationEventPublisher events;
    private final Duration lead;

    AppointmentReminders(AppointmentRepository appointments, Workers workers, Agenda agenda,
            ApplicationEventPublisher events, @Value("${ricolloca.agenda.reminder-before:PT24H}") Duration lead) {
        this.appointments = appointments;
        this.workers = workers;
        this.agenda = agenda;
        this.events = events;
        this.lead = lead;
    }

    @Scheduled(fixedDelayString = "${ricolloca.agenda.reminder-every:PT15M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "appointment-reminders", lockAtMostFor = "PT10M")
    public void scheduled() {
        sendDue();
    }

    /** Publishes a reminder for every booked appointment due within the lead time; returns how many. */
    @Transactional
    public int sendDue() {
        Instant now = Instant.now();
        Map<Long, OfficeSummary> offices = agenda.offices();
        int sent = 0;
        for (Appointment a : appointments.findDueForReminder(now, now.plus(lead))) {
            a.reminded(now);
            // The worker's choice on their own pages: no e-mail when they said no (ADR 0040).
            String email = workers.mayEmail(a.getWorkerId()) ? workers.email(a.getWorkerId()).orElse(null) : null;
            if (email == null) {
                continue;
            }
            WorkerSummary w = workers.find(a.getWorkerId()).orElseThrow();
            OfficeSummary office = offices.get(a.getOfficeId());
            events.publishEvent(new AppointmentReminderDue(a.getId(), email,
                    w.displayName(),
                    a.getStartsAt(), office == null ? "" : office.label() + ", " + office.municipality(), a.getPurpose()));
            sent++;
        }
        return sent;
    }
}
