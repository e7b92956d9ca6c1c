/** Claims: the tariffs of the measure and the reimbursement claim prepared when a pathway closes (success fee or Fee4Service), reviewed, submitted, paid or refused, with the office cap and the register per CPI; depends on pathway, documents, parameters, workers, network, accounts, audit and shared. */
@ApplicationModule(displayName = "Rimborsi",
        allowedDependencies = {"shared", "network", "accounts", "audit", "workers", "parameters", "pathway", "documents"})
package it.ricolloca.claims;

import org.springframework.modulith.ApplicationModule;

