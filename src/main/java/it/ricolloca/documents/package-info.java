/** Documents: the dossier store of every worker's documents (generated and uploaded, type-checked) and PDF/A rendering; depends on audit and shared. */
@ApplicationModule(displayName = "Documenti", allowedDependencies = {"shared", "audit"})
package it.ricolloca.documents;

import org.springframework.modulith.ApplicationModule;

