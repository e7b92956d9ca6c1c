package it.ricolloca.shared.web;

import java.util.Collection;
import java.util.Set;

/**
 * An entry of the main menu that a module contributes as a bean: its position, label key, link
 * and the roles that see it (empty: every signed-in user). Modules add entries without the
 * menu knowing them.
 */
public record MenuEntry(int order, String labelKey, String href, Set<String> roles) {

    public boolean visibleTo(Collection<String> userRoles) {
        return roles.isEmpty() || userRoles.stream().anyMatch(roles::contains);
    }
}
