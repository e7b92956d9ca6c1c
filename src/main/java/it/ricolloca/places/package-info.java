/** Places: the national reference data of Italian municipalities (also the ceased ones) and foreign states, with cadastral codes, provinces and coordinates, loaded from the vendored file at start-up; pickers, distances; depends on shared. */
@ApplicationModule(displayName = "Comuni e luoghi", allowedDependencies = {"shared"})
package it.ricolloca.places;

import org.springframework.modulith.ApplicationModule;
