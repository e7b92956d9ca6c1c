package it.ricolloca.shared.web;

import java.util.Collection;
import java.util.Set;

/**
 * Whose work queue is asked for: the user, their CPI ({@code null} for a regional user) and the names
 * of their roles. It lives here, not in accounts, so that every module can answer it.
 */
public record DueScope(long userId, Long centreId, Set<String> roles) {

    public DueScope {
        roles = Set.copyOf(roles);
    }

    /** Whether the user holds at least one of the roles. */
    public boolean hasAny(Collection<String> names) {
        return names.stream().anyMatch(roles::contains);
    }

    /** Whether the user holds at least one of the roles. */
    public boolean hasAny(String... names) {
        return hasAny(Set.of(names));
    }

    /** A user of one CPI (not a regional one). */
    public boolean ofCentre() {
        return centreId != null;
    }
}
