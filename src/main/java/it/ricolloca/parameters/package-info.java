/** The configurable rules of the measure: values with validity periods and legal sources, edited by the region; depends on audit and shared. */
@ApplicationModule(displayName = "Parametri", allowedDependencies = {"shared", "audit"})
package it.ricolloca.parameters;

import org.springframework.modulith.ApplicationModule;

