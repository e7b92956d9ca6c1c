package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The systems that call the API with a client-credentials token of the configured issuer (ADR 0030): each is
 * registered here with the scopes it may use, one role and its CPI (none: the whole network); a token of a
 * client not registered, or disabled, is refused.
 */
@Service
public class MachineClients {

    /** Reads ({@code GET} on {@code /api}). */
    public static final String READ = "ricolloca.read";
    /** Loads files ({@code POST} on {@code /api/v1/imports}). */
    public static final String IMPORT = "ricolloca.import";
    /** Every other change through the API. */
    public static final String WRITE = "ricolloca.write";
    public static final Set<String> SCOPES = Set.of(READ, IMPORT, WRITE);
    /** How a machine client is named as an actor (audit trail, histories). */
    static final String ACTOR_PREFIX = "client:";

    /** A registered machine client. */
    public record Client(long id, String clientId, String name, Set<String> scopes, Role role, Long centreId,
            boolean enabled) {

        /** The client as the API's checks see it: its role in its CPI, named {@code client:<id>}. */
        CurrentUser asUser() {
            return new CurrentUser(-id, ACTOR_PREFIX + clientId, name, centreId, Set.of(role));
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    MachineClients(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Client> find(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, client_id, name, scopes, role, centre_id, enabled from accounts_machine_client
                where client_id = ?""").param(clientId)
                .query((rs, n) -> new Client(rs.getLong(1), rs.getString(2), rs.getString(3), scopes(rs.getString(4)),
                        Role.valueOf(rs.getString(5)), (Long) rs.getObject(6, Long.class), rs.getBoolean(7)))
                .optional();
    }

    /** Registers a client (or updates the one of that id), enabled, with these scopes, role and CPI. */
    @Transactional
    public Client register(String clientId, String name, Set<String> scopes, Role role, Long centreId) {
        if (!SCOPES.containsAll(scopes) || scopes.isEmpty()) {
            throw new IllegalArgumentException("ambiti sconosciuti: " + scopes);
        }
        String joined = String.join(" ", new TreeSet<>(scopes));
        long id = jdbc.sql("""
                insert into accounts_machine_client (client_id, name, scopes, role, centre_id, enabled)
                values (?, ?, ?, ?, ?, true)
                on conflict (client_id) do update set name = excluded.name, scopes = excluded.scopes,
                    role = excluded.role, centre_id = excluded.centre_id, enabled = true
                returning id""").params(clientId, name, joined, role.name(), centreId).query(Long.class).single();
        audit.record("MACHINE_CLIENT_REGISTERED", "MachineClient", id,
                Detail.of("audit.detail.machineClient", clientId, joined).encoded());
        return find(clientId).orElseThrow();
    }

    /** Enables or disables a client: a disabled client's tokens are refused at once. */
    @Transactional
    public void setEnabled(String clientId, boolean enabled) {
        find(clientId).ifPresent(c -> {
            jdbc.sql("update accounts_machine_client set enabled = ? where id = ?").params(enabled, c.id()).update();
            audit.record(enabled ? "MACHINE_CLIENT_ENABLED" : "MACHINE_CLIENT_DISABLED", "MachineClient", c.id(),
                    Detail.of("audit.detail.machineClient", clientId, String.join(" ", new TreeSet<>(c.scopes())))
                            .encoded());
        });
    }

    /** The scope a request needs: reading, loading a file, or any other change; null outside the API. */
    public static String requiredScope(String method, String path) {
        if (path == null || !path.startsWith("/api/")) {
            return null;
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (m.equals("GET") || m.equals("HEAD")) {
            return READ;
        }
        return path.startsWith("/api/v1/imports/") ? IMPORT : WRITE;
    }

    private static Set<String> scopes(String text) {
        Set<String> out = new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+")));
        out.remove("");
        return Set.copyOf(out);
    }
}
