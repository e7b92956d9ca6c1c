/** Reporting: the regional agency's monitoring of the network: the seed's table of requesters per competent CPI and request status at a snapshot date, the funnel to hire, pathway health, breaches, outcomes, the vacancy board and the trend across lists; reads (never changes) the tables of requests, workers, pathway, conditionality and vacancies. */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoraggio",
        allowedDependencies = {"shared", "network", "accounts", "requests", "workers", "parameters", "pathway", "agenda",
                "conditionality", "vacancies"})
package it.ricolloca.reporting;
