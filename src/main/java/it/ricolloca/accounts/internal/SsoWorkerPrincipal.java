package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.WorkerPrincipal;
import java.io.Serial;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A worker signed in through the regional provider: the same {@link WorkerPrincipal}, which also carries the ID
 * token, so that signing out can end the provider's session.
 */
final class SsoWorkerPrincipal extends WorkerPrincipal implements ProviderSignedIn {

    @Serial
    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    SsoWorkerPrincipal(WorkerPrincipal worker, OidcUser signedIn) {
        super(worker.workerId(), worker.fiscalCode(), worker.displayName());
        this.idToken = signedIn.getIdToken();
        this.userInfo = signedIn.getUserInfo();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
