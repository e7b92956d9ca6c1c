package it.ricolloca.accounts.internal;

import java.io.Serial;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request of a registered machine client, authenticated by its JWT: for that request only, never in a session. */
final class MachineClientAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountPrincipal principal;
    private final Set<String> scopes;

    MachineClientAuthentication(AccountPrincipal principal, Set<String> scopes) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    /** The scopes granted: those of the token that the client is registered for. */
    Set<String> scopes() {
        return scopes;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }
}
