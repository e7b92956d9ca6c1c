/** Voucher requests at the competent CPI and the ministerial list imported as dated snapshots; depends on workers, network, accounts, audit and shared. */
@org.springframework.modulith.ApplicationModule(displayName = "Richieste AdR",
        allowedDependencies = {"shared", "network", "accounts", "audit", "workers"})
package it.ricolloca.requests;
