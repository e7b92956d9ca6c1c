/** The network: the regional agency, job centres (CPI), their offices and the names that recognise them; depends on audit and shared. */
@ApplicationModule(displayName = "Rete dei CPI", allowedDependencies = {"shared", "audit"})
package it.ricolloca.network;

import org.springframework.modulith.ApplicationModule;

