package it.ricolloca.accounts.internal;

import java.io.Serial;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the regional provider: the same {@link AccountPrincipal} (user, roles, CPI) as a
 * local sign-in, which also carries the provider's ID token, so that signing out can end the provider's session.
 */
final class SsoPrincipal extends AccountPrincipal implements ProviderSignedIn {

    @Serial
    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    SsoPrincipal(UserAccount account, OidcUser signedIn) {
        super(account.toCurrentUser(), "", account.isEnabled(), false);
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
    public String getName() {
        return getUsername();
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
