/** Pathway: the service at a provider CPI from the queue of released requests: first appointment, tutor, search pact, Fee4Service timesheet, dossier; depends on requests, agenda, conditionality, documents, workers, network, accounts, parameters, audit and shared. */
@ApplicationModule(displayName = "Percorso presso il CPI erogatore",
        allowedDependencies = {"shared", "network", "accounts", "audit", "workers", "requests", "agenda", "documents",
                "parameters", "conditionality"})
package it.ricolloca.pathway;

import org.springframework.modulith.ApplicationModule;

