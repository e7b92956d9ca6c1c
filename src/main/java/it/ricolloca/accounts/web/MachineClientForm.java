package it.ricolloca.accounts.web;

import it.ricolloca.accounts.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * The registration of a machine client (ADR 0030): its id as the identity provider issues it, a name people
 * recognise, the scopes it may use, and the role and CPI it acts as (no CPI: the whole network, for a regional
 * role).
 */
public record MachineClientForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@-]{2,99}") String clientId,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty Set<String> scopes,
        @NotNull Role role,
        Long centreId) {

    static final MachineClientForm EMPTY = new MachineClientForm("", "", Set.of(), null, null);

    boolean has(String scope) {
        return scopes != null && scopes.contains(scope);
    }

    Set<String> scopeSet() {
        return scopes == null ? Set.of() : scopes;
    }
}
