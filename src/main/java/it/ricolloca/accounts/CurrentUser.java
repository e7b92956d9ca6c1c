package it.ricolloca.accounts;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in user and their scope: regional users see every CPI, everyone else only their own.
 * Every query that returns CPI records filters with {@link #canSeeCentre(long)} or {@link #centreId()}.
 */
public record CurrentUser(long id, String username, String fullName, Long centreId, Set<Role> roles) implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean isRegional() {
        return centreId == null && roles.stream().anyMatch(Role::isRegional);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Role.REGIONAL_ADMIN);
    }

    public boolean canSeeCentre(long centre) {
        return isRegional() || (centreId != null && centreId == centre);
    }

    /** Whether the user follows workers' cases (not only the vacancy board): see {@link Role#readsCaseFiles()}. */
    public boolean readsCaseFiles() {
        return roles.stream().anyMatch(Role::readsCaseFiles);
    }

    /** May open the case files (register record, requests, pathways, breaches, dossiers) of that CPI. */
    public boolean canSeeCasesOf(long centre) {
        return readsCaseFiles() && canSeeCentre(centre);
    }

    /** The CPI to restrict a query of case files to, {@code null} for the whole network, -1 for none at all. */
    public Long caseScopeCentreId() {
        return readsCaseFiles() ? scopeCentreId() : Long.valueOf(-1L);
    }

    /** The CPI to restrict a query to, or {@code null} for the whole network. */
    public Long scopeCentreId() {
        return isRegional() ? null : (centreId == null ? -1L : centreId);
    }

    /** The role shown in the header: the most senior one. */
    public Role mainRole() {
        for (Role r : Role.values()) {
            if (roles.contains(r)) {
                return r;
            }
        }
        return null;
    }
}
