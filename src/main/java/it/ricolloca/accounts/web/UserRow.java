package it.ricolloca.accounts.web;

import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/** One line of the user list. */
public record UserRow(long id, String username, String fullName, String email, String centre, List<Role> roles,
        boolean enabled, boolean locked) {

    /** {@code locked}: some source is held off this username now (the sign-in guard). */
    static UserRow of(UserAccount u, LongFunction<String> centreName, boolean locked) {
        return new UserRow(u.getId(), u.getUsername(), u.getFullName(), u.getEmail(),
                u.getCentreId() == null ? "" : centreName.apply(u.getCentreId()),
                u.getRoles().stream().sorted().toList(), u.isEnabled(), locked || u.isLocked(Instant.now()));
    }
}
