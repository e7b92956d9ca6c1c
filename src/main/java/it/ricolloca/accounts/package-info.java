/** Accounts: users, roles, delegations, login, API tokens and the current user's scope; depends on network, audit and shared. */
@ApplicationModule(displayName = "Utenze e deleghe", allowedDependencies = {"shared", "network", "audit"})
package it.ricolloca.accounts;

import org.springframework.modulith.ApplicationModule;

