package it.ricolloca.accounts;

import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAccountRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enabled staff of a CPI by role, for the modules that name people (tutors, referents). */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final UserAccountRepository users;

    StaffDirectory(UserAccountRepository users) {
        this.users = users;
    }

    public List<StaffMember> withRole(long centreId, Role role) {
        return users.findByCentreAndRole(centreId, role).stream().map(StaffDirectory::member).toList();
    }

    /** The user, if enabled, at that CPI and holding that role. */
    public Optional<StaffMember> find(long userId, long centreId, Role role) {
        return users.findById(userId).filter(UserAccount::isEnabled)
                .filter(u -> u.getCentreId() != null && u.getCentreId() == centreId && u.getRoles().contains(role))
                .map(StaffDirectory::member);
    }

    /** Whether the user is enabled, at that CPI, and holds at least one of the roles. */
    public boolean holdsAnyAt(long userId, long centreId, Set<Role> roles) {
        return users.findById(userId).filter(UserAccount::isEnabled)
                .filter(u -> u.getCentreId() != null && u.getCentreId() == centreId)
                .filter(u -> u.getRoles().stream().anyMatch(roles::contains)).isPresent();
    }

    /** The enabled user holding that role, wherever they belong (a regional role has no CPI). */
    public Optional<StaffMember> findWithRole(long userId, Role role) {
        return users.findById(userId).filter(UserAccount::isEnabled).filter(u -> u.getRoles().contains(role))
                .map(StaffDirectory::member);
    }

    /** The enabled staff of a CPI, whatever their roles, by name. */
    public List<StaffMember> of(long centreId) {
        return users.findByCentreId(centreId).stream().filter(UserAccount::isEnabled).map(StaffDirectory::member).toList();
    }

    /** The enabled users holding a regional role. */
    public List<StaffMember> regional(Role role) {
        return users.findRegionalByRole(role).stream().map(StaffDirectory::member).toList();
    }

    /** The enabled user with this e-mail address, when exactly one has it. */
    public Optional<StaffMember> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        List<UserAccount> found = users.findByEmailIgnoreCase(email.strip()).stream().filter(UserAccount::isEnabled).toList();
        return found.size() == 1 ? Optional.of(member(found.get(0))) : Optional.empty();
    }

    /** The enabled staff of these CPIs (of every CPI when none is given) holding any of the roles, in one query. */
    public List<StaffMember> atCentresWithRoles(Collection<Long> centreIds, Collection<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        boolean all = centreIds == null || centreIds.isEmpty();
        return users.findStaffRows(roles, all, all ? List.of(-1L) : centreIds).stream().map(StaffDirectory::member)
                .toList();
    }

    /** The user with this username, enabled or not. */
    public Optional<StaffMember> findByUsername(String username) {
        return users.findByUsername(username).map(StaffDirectory::member);
    }

    public Optional<StaffMember> find(long userId) {
        return users.findById(userId).map(StaffDirectory::member);
    }

    /** These users by id, enabled or not: one query for a list that names many people. */
    public Map<Long, StaffMember> find(Collection<Long> userIds) {
        Map<Long, StaffMember> found = new HashMap<>();
        if (!userIds.isEmpty()) {
            users.findRows(Set.copyOf(userIds)).forEach(row -> found.put((Long) row[0], member(row)));
        }
        return found;
    }

    /** The enabled user with this id. */
    public Optional<StaffMember> findEnabled(long userId) {
        return users.findById(userId).filter(UserAccount::isEnabled).map(StaffDirectory::member);
    }

    /** The enabled user with this username, case ignored. */
    public Optional<StaffMember> findEnabledByUsername(String username) {
        return users.findByUsernameIgnoreCase(username).stream().filter(UserAccount::isEnabled).findFirst()
                .map(StaffDirectory::member);
    }

    /** The enabled staff of every CPI with their roles, in one query (network-wide figures). */
    public Map<StaffMember, Set<Role>> centreStaffWithRoles() {
        Map<StaffMember, Set<Role>> staff = new LinkedHashMap<>();
        users.findEnabledCentreStaffWithRoles().forEach(u -> staff.put(member(u), Set.copyOf(u.getRoles())));
        return staff;
    }

    private static StaffMember member(Object[] row) {
        return new StaffMember((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (Long) row[4]);
    }

    private static StaffMember member(UserAccount u) {
        return new StaffMember(u.getId(), u.getUsername(), u.getFullName(), u.getEmail(), u.getCentreId());
    }
}
