/** Notifications: the e-mails other modules' events ask for, sent after commit, retried until delivered, recorded once; and the regional agency's notices to chosen CPIs and roles, in-app and by e-mail, with read receipts; the register of sent e-mails, kept for its retention period; depends on accounts, requests, agenda, vacancies, network, parameters, audit and shared. */
@ApplicationModule(displayName = "Notifiche",
        allowedDependencies = {"shared", "network", "accounts", "requests", "agenda", "vacancies", "audit", "parameters"})
package it.ricolloca.notifications;

import org.springframework.modulith.ApplicationModule;

