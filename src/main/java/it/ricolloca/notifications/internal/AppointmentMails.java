package it.ricolloca.notifications.internal;

import it.ricolloca.agenda.AppointmentReminderDue;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Reminds the worker of an appointment, after the reminder is committed. */
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
}
