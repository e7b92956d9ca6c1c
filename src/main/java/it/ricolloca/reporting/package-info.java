/** Reporting: the regional agency's monitoring of the network: the seed's table of requesters per competent CPI and request status at a snapshot date, the funnel to hire, pathway health, breaches, outcomes, the vacancy board and the trend across lists; the per-person export (GDPR art. 15) and the nightly search for workers whose data passed its retention period (the register pseudonymises them); reads (never changes) the tables of requests, workers, pathway, conditionality, vacancies, claims and documents. */
@ApplicationModule(displayName = "Monitoraggio",
        allowedDependencies = {"shared", "network", "accounts", "requests", "workers", "parameters", "pathway", "agenda",
                "conditionality", "vacancies", "documents", "audit"})
package it.ricolloca.reporting;

import org.springframework.modulith.ApplicationModule;

