/** The configurable rules of the measure: values with validity periods and legal sources, edited by the region; depends on audit and shared. */
@org.springframework.modulith.ApplicationModule(displayName = "Parametri", allowedDependencies = {"shared", "audit"})
package it.ricolloca.parameters;
