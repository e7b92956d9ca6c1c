/** Reporting: the regional agency's monitoring of the network, starting from the seed's table of requesters per competent CPI and request status at a snapshot date; depends on requests, workers, network, accounts and shared. */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoraggio",
        allowedDependencies = {"shared", "network", "accounts", "requests", "workers"})
package it.ricolloca.reporting;
