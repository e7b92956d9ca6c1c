package it.ricolloca.accounts.internal;

import java.util.Map;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A principal signed in through the regional provider, staff ({@link SsoPrincipal}) or worker
 * ({@link SsoWorkerPrincipal}): its claims and attributes are those of the ID token it keeps for signing out.
 */
interface ProviderSignedIn extends OidcUser {

    @Override
    default Map<String, Object> getClaims() {
        return getIdToken().getClaims();
    }

    @Override
    default Map<String, Object> getAttributes() {
        return getIdToken().getClaims();
    }
}
