package it.ricolloca.accounts.web;

import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.UserAccount;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** The user form; the username and initial password are only read when creating. */
public record UserForm(
        @Size(max = 60) @Pattern(regexp = "[a-z0-9._-]{3,60}") String username,
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Email @Size(max = 200) String email,
        @Size(max = 16) String fiscalCode,
        Long centreId,
        Set<Role> roles,
        @Size(max = 128) String password,
        Long version) {

    static UserForm empty(Long centreId) {
        return new UserForm("", "", "", "", centreId, EnumSet.noneOf(Role.class), "", 0L);
    }

    static UserForm of(UserAccount u) {
        return new UserForm(u.getUsername(), u.getFullName(), u.getEmail(),
                u.getFiscalCode() == null ? "" : u.getFiscalCode(), u.getCentreId(),
                u.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.getRoles()), "", u.getVersion());
    }

    Set<Role> roleSet() {
        return roles == null ? Set.of() : roles;
    }

    boolean has(Role role) {
        return roles != null && roles.contains(role);
    }
}
