/** Agenda: each provider office's weekly templates, special periods and closures, the slots they produce, and the appointments booked in them; depends on network, workers, accounts, audit and shared. */
@ApplicationModule(displayName = "Agenda",
        allowedDependencies = {"shared", "network", "workers", "accounts", "audit"})
package it.ricolloca.agenda;

import org.springframework.modulith.ApplicationModule;

