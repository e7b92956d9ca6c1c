/** Audit: the append-only, hash-chained trail of who did what, when and to which record; depends on shared only. */
@ApplicationModule(displayName = "Registro delle operazioni", allowedDependencies = {"shared"})
package it.ricolloca.audit;

import org.springframework.modulith.ApplicationModule;

