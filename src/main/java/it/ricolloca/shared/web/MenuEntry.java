package it.ricolloca.shared.web;

import java.util.Collection;
import java.util.Set;

/**
 * An entry of the main menu that a module contributes as a bean: its area, its position in it, label
 * key, link and the roles that see it (empty: every signed-in user). Modules add entries without the
 * menu knowing them. The roles are those who may use the page, not only open it: a page that anybody
 * may read but only an administrator may change (the parameters) is in the administrator's menu.
 */
public record MenuEntry(MenuArea area, int order, String labelKey, String href, Set<String> roles) {

    public boolean visibleTo(Collection<String> userRoles) {
        return roles.isEmpty() || userRoles.stream().anyMatch(roles::contains);
    }
}
