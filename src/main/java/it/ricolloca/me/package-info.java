/**
 * The worker's own pages under {@code /me} (ADR 0040): who among the people the regional provider signs in is a
 * worker of the register, and the pages a worker reads and acts on from a phone; everything through the other
 * modules' public API. Nothing depends on this module.
 */
@ApplicationModule(displayName = "Pagine del lavoratore",
        allowedDependencies = {"shared", "accounts", "audit", "network", "workers", "requests", "pathway", "agenda",
                "documents", "notifications"})
package it.ricolloca.me;

import org.springframework.modulith.ApplicationModule;
