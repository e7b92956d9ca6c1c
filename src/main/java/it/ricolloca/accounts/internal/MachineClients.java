package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The systems that call the API with a client-credentials token of the configured issuer (ADR 0030): each is
 * registered here with the scopes it may use, one role and its CPI (none: the whole network); a token of a
 * client not registered, or disabled, is refused. The regional administrator registers, enables and disables
 * them on their administration page.
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
    /** The scopes in the order the page offers them. */
    public static final List<String> SCOPE_ORDER = List.of(READ, IMPORT, WRITE);
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

    /** A registered client as its administration page shows it: with its version and who registered it when. */
    public record Registration(long id, String clientId, String name, Set<String> scopes, Role role, Long centreId,
            boolean enabled, long version, Instant createdAt, String createdBy) {
    }

    /** A refused registration or change, with the form field it concerns (null: the whole form). */
    public static class MachineClientRejectedException extends DomainException {
        private final String field;

        MachineClientRejectedException(String field, String key) {
            super(key);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static final String COLUMNS =
            "id, client_id, name, scopes, role, centre_id, enabled, version, created_at, created_by";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final JobCentres centres;

    MachineClients(JdbcClient jdbc, AuditTrail audit, JobCentres centres) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.centres = centres;
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

    /** One page of the clients whose id or name contains {@code query}: two statements, whatever the rows. */
    @Transactional(readOnly = true)
    public Page<Registration> search(CurrentUser actor, String query, int page, int size) {
        requireAdmin(actor);
        String q = query.strip().toLowerCase(Locale.ROOT);
        long total = jdbc.sql("""
                select count(*) from accounts_machine_client
                where strpos(lower(client_id), :q) > 0 or strpos(lower(name), :q) > 0""")
                .param("q", q).query(Long.class).single();
        List<Registration> rows = jdbc.sql("select " + COLUMNS + " from accounts_machine_client"
                + " where strpos(lower(client_id), :q) > 0 or strpos(lower(name), :q) > 0"
                + " order by lower(name), client_id limit :size offset :offset")
                .param("q", q).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> registration(rs)).list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    @Transactional(readOnly = true)
    public Registration get(CurrentUser actor, long id) {
        requireAdmin(actor);
        return jdbc.sql("select " + COLUMNS + " from accounts_machine_client where id = ?").param(id)
                .query((rs, n) -> registration(rs)).optional().orElseThrow(NotFoundException::new);
    }

    /**
     * Registers a new client through the administration page, enabled: its id is unique (the very same
     * registration submitted twice changes nothing and returns it); a regional role acts in the whole network,
     * a CPI role in one existing CPI; never as the regional administrator. Audited.
     */
    @Transactional
    public Registration registerNew(CurrentUser actor, String clientId, String name, Set<String> scopes, Role role,
            Long centreId) {
        requireAdmin(actor);
        String id = clientId.strip();
        String shownName = name.strip();
        if (scopes == null || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw new MachineClientRejectedException("scopes", "machineClient.scopes.empty");
        }
        if (role == null) {
            throw new MachineClientRejectedException("role", "machineClient.role.required");
        }
        if (role == Role.REGIONAL_ADMIN) {
            throw new MachineClientRejectedException("role", "machineClient.role.notAdmin");
        }
        if (role.isRegional() && centreId != null) {
            throw new MachineClientRejectedException("centreId", "machineClient.centre.notForRegional");
        }
        if (!role.isRegional() && (centreId == null || centres.find(centreId).isEmpty())) {
            throw new MachineClientRejectedException("centreId", "machineClient.centre.required");
        }
        Optional<Client> existing = find(id);
        if (existing.isPresent()) {
            Client c = existing.get();
            if (c.name().equals(shownName) && c.scopes().equals(Set.copyOf(scopes)) && c.role() == role
                    && Objects.equals(c.centreId(), centreId)) {
                return get(actor, c.id()); // the same form submitted twice
            }
            throw new MachineClientRejectedException("clientId", "machineClient.clientId.taken");
        }
        String joined = String.join(" ", new TreeSet<>(scopes));
        long newId = jdbc.sql("""
                insert into accounts_machine_client (client_id, name, scopes, role, centre_id, enabled, created_by)
                values (?, ?, ?, ?, ?, true, ?) on conflict (client_id) do nothing returning id""")
                .params(id, shownName, joined, role.name(), centreId, actor.username()).query(Long.class).optional()
                .orElseThrow(() -> new MachineClientRejectedException("clientId", "machineClient.clientId.taken"));
        audit.record("MACHINE_CLIENT_REGISTERED", "MachineClient", newId,
                Detail.of("audit.detail.machineClient", id, joined).encoded());
        return get(actor, newId);
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
                    role = excluded.role, centre_id = excluded.centre_id, enabled = true,
                    version = accounts_machine_client.version + 1
                returning id""").params(clientId, name, joined, role.name(), centreId).query(Long.class).single();
        audit.record("MACHINE_CLIENT_REGISTERED", "MachineClient", id,
                Detail.of("audit.detail.machineClient", clientId, joined).encoded());
        return find(clientId).orElseThrow();
    }

    /**
     * Enables or disables a client from its page, at the version the page showed: a stale page is refused; a
     * client already in the wanted state is left as it is (the same form submitted twice). Audited.
     */
    @Transactional
    public Registration setEnabled(CurrentUser actor, long id, long version, boolean enabled) {
        Registration c = get(actor, id);
        if (c.enabled() == enabled) {
            return c;
        }
        int changed = jdbc.sql("update accounts_machine_client set enabled = ?, version = version + 1"
                + " where id = ? and version = ?").params(enabled, id, version).update();
        if (changed == 0) {
            throw new MachineClientRejectedException(null, "form.stale");
        }
        audited(enabled, id, c.clientId(), c.scopes());
        return get(actor, id);
    }

    /** Enables or disables a client: a disabled client's tokens are refused at once. */
    @Transactional
    public void setEnabled(String clientId, boolean enabled) {
        find(clientId).ifPresent(c -> {
            jdbc.sql("update accounts_machine_client set enabled = ?, version = version + 1 where id = ?")
                    .params(enabled, c.id()).update();
            audited(enabled, c.id(), clientId, c.scopes());
        });
    }

    private void audited(boolean enabled, long id, String clientId, Set<String> scopes) {
        audit.record(enabled ? "MACHINE_CLIENT_ENABLED" : "MACHINE_CLIENT_DISABLED", "MachineClient", id,
                Detail.of("audit.detail.machineClient", clientId, String.join(" ", new TreeSet<>(scopes))).encoded());
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

    /** Only the regional administrator: for anyone else the clients do not exist. */
    private static void requireAdmin(CurrentUser actor) {
        if (actor == null || !actor.isAdmin()) {
            throw new NotFoundException();
        }
    }

    private static Registration registration(ResultSet rs) throws SQLException {
        var created = rs.getTimestamp(9);
        return new Registration(rs.getLong(1), rs.getString(2), rs.getString(3), scopes(rs.getString(4)),
                Role.valueOf(rs.getString(5)), (Long) rs.getObject(6, Long.class), rs.getBoolean(7), rs.getLong(8),
                created == null ? null : created.toInstant(), rs.getString(10));
    }

    private static Set<String> scopes(String text) {
        Set<String> out = new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+")));
        out.remove("");
        return Set.copyOf(out);
    }
}
