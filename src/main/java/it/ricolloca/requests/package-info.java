/** Voucher requests at the competent CPI and the ministerial list imported as dated snapshots; depends on workers, parameters, documents, network, accounts, audit and shared. */
@ApplicationModule(displayName = "Richieste AdR",
        allowedDependencies = {"shared", "network", "accounts", "audit", "workers", "parameters", "documents"})
package it.ricolloca.requests;

import org.springframework.modulith.ApplicationModule;

