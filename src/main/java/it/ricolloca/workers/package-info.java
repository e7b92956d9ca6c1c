/** The register of workers: identity, NASpI benefit, competent CPI, profiling, work and education history; depends on network, accounts, audit and shared. */
@ApplicationModule(displayName = "Registro dei lavoratori",
        allowedDependencies = {"shared", "network", "accounts", "audit"})
package it.ricolloca.workers;

import org.springframework.modulith.ApplicationModule;

