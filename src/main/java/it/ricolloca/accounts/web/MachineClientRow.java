package it.ricolloca.accounts.web;

import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.MachineClients;
import it.ricolloca.accounts.internal.MachineClients.Registration;
import it.ricolloca.shared.web.Dates;
import java.util.List;
import java.util.function.LongFunction;

/** One machine client as its list and its page show it: the scopes in a fixed order, the CPI by name. */
public record MachineClientRow(long id, String clientId, String name, List<String> scopes, Role role, String centre,
        boolean enabled, long version, String registeredOn, String registeredBy) {

    static MachineClientRow of(Registration r, LongFunction<String> centreName) {
        return new MachineClientRow(r.id(), r.clientId(), r.name(),
                MachineClients.SCOPE_ORDER.stream().filter(r.scopes()::contains).toList(), r.role(),
                r.centreId() == null ? "" : centreName.apply(r.centreId()), r.enabled(), r.version(),
                r.createdAt() == null ? "" : Dates.format(r.createdAt()),
                r.createdBy() == null ? "" : r.createdBy());
    }
}
