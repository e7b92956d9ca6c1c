/** Vacancies: the shared vacancy board (Vetrina delle opportunità), its referents, the referrals of workers in pathway, the matching of both, and the board's XLSX round trip; depends on pathway, workers, network, accounts, places, audit and shared. */
@ApplicationModule(displayName = "Vetrina delle opportunità",
        allowedDependencies = {"shared", "network", "accounts", "audit", "workers", "pathway", "places"})
package it.ricolloca.vacancies;

import org.springframework.modulith.ApplicationModule;

