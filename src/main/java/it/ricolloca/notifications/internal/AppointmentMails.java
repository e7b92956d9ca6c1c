package it.ricolloca.notifications.internal;

import it.ricolloca.agenda.AppointmentMailDue;
import it.ricolloca.agenda.AppointmentReminderDue;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reminds the worker of an appointment, after the reminder is committed; tells them of an appointment
 * fixed, moved or cancelled, with its calendar file (ICS) attached.
 */
@Component
class AppointmentMails {

    private final Mailer mailer;
    private final Messages messages;

    AppointmentMails(Mailer mailer, Messages messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(AppointmentReminderDue due) {
        String when = Dates.format(due.startsAt());
        mailer.send("appointment-reminder-" + due.appointmentId(), due.email(),
                messages.t("mail.reminder.subject", when),
                messages.t("mail.reminder.body", due.workerName(), messages.t(due.purpose().labelKey()), when, due.office()));
    }

    @ApplicationModuleListener
    void on(AppointmentMailDue due) {
        String when = Dates.format(due.startsAt());
        String kind = due.kind().name();
        mailer.send("appointment-" + kind.toLowerCase(java.util.Locale.ROOT) + "-" + due.appointmentId() + "-v"
                + due.appointmentVersion(), due.email(), messages.t("mail.appointment.subject." + kind, when),
                messages.t("mail.appointment.body." + kind, due.workerName(), messages.t(due.purpose().labelKey()), when,
                        due.office()),
                "appuntamento-" + due.appointmentId() + ".ics", "text/calendar; charset=UTF-8", due.ics());
    }
}
