/** Training: courses on the seed's four contents, sessions, enrolment of operators by their CPI's master or the region, attendance, certificates and the network's coverage; depends on accounts, network, documents, audit and shared. */
@ApplicationModule(displayName = "Formazione",
        allowedDependencies = {"shared", "network", "accounts", "audit", "documents"})
package it.ricolloca.training;

import org.springframework.modulith.ApplicationModule;

