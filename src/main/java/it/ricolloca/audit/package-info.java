/** Audit: the append-only, hash-chained trail of who did what, when and to which record; depends on shared only. */
@org.springframework.modulith.ApplicationModule(displayName = "Registro delle operazioni", allowedDependencies = {"shared"})
package it.ricolloca.audit;
