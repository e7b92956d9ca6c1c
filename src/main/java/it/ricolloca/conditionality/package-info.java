/** Conditionality: breaches of the worker's duties reported by the provider, justified or sanctioned by the competent CPI along the ladders of the law, exported for the benefit authority; depends on workers, network, accounts, parameters, places, audit and shared. */
@ApplicationModule(displayName = "Condizionalità",
        allowedDependencies = {"shared", "network", "accounts", "audit", "workers", "parameters", "places"})
package it.ricolloca.conditionality;

import org.springframework.modulith.ApplicationModule;

