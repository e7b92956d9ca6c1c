package it.ricolloca.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A worker signed in to their own pages ({@code /me}, ADR 0040): the worker's id in the register, their codice
 * fiscale and the name the pages greet them with. Its only authority is {@link #AUTHORITY}: a worker session
 * reaches the worker's pages and nothing else. It lives in the JDBC session, hence serialisable. Its name (the
 * actor of the audit trail) is {@link #actorOf(String)}.
 */
public class WorkerPrincipal implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The one authority of a worker session. */
    public static final String AUTHORITY = "ROLE_WORKER";
    /** The role name, as {@code hasRole} takes it. */
    public static final String ROLE = "WORKER";

    private final long workerId;
    private final String fiscalCode;
    private final String displayName;

    public WorkerPrincipal(long workerId, String fiscalCode, String displayName) {
        this.workerId = workerId;
        this.fiscalCode = fiscalCode;
        this.displayName = displayName;
    }

    /** The worker signed in to this request, if a worker is. */
    public static Optional<WorkerPrincipal> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof WorkerPrincipal w ? Optional.of(w) : Optional.empty();
    }

    /** The audit trail's actor for a worker: {@code lavoratore:} and the codice fiscale. */
    public static String actorOf(String fiscalCode) {
        return "lavoratore:" + fiscalCode;
    }

    public long workerId() {
        return workerId;
    }

    public String fiscalCode() {
        return fiscalCode;
    }

    public String displayName() {
        return displayName;
    }

    public Collection<? extends GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(AUTHORITY));
    }

    /** The actor the audit trail records for what this worker does. */
    @Override
    public String getName() {
        return actorOf(fiscalCode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkerPrincipal other && other.workerId == workerId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(workerId);
    }

    @Override
    public String toString() {
        return getName();
    }
}
