/** Notifications: the e-mails other modules' events ask for, sent after commit, retried until delivered, recorded once; depends on requests, agenda, vacancies, network, audit and shared. */
@org.springframework.modulith.ApplicationModule(displayName = "Notifiche",
        allowedDependencies = {"shared", "network", "requests", "agenda", "vacancies", "audit"})
package it.ricolloca.notifications;
