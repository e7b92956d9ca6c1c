package it.ricolloca.accounts.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the provider's person into a Ricolloca account, matched by the configured claim: roles, CPI and
 * delegations are Ricolloca's. A person without an account, or whose account is disabled, is refused and the
 * refusal audited like a local one.
 */
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN = "ricolloca_unknown_user";
    static final String DISABLED = "ricolloca_disabled_user";

    private final OidcUserService provider = new OidcUserService();
    private final SingleSignOnProperties sso;
    private final UserAccountRepository users;
    private final AuditTrail audit;

    SsoUserService(SingleSignOnProperties sso, UserAccountRepository users, AuditTrail audit) {
        this.sso = sso;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String value = sso.normalise(signedIn.getClaims().get(sso.matchClaim()));
        Optional<UserAccount> account = value.isEmpty() ? Optional.empty()
                : sso.matchesFiscalCode() ? users.findByFiscalCode(value) : users.findByUsername(value);
        String actor = truncate(value.isEmpty() ? String.valueOf(signedIn.getSubject()) : value);
        if (account.isEmpty()) {
            audit.recordAs(actor, "LOGIN_FAILED", "UserAccount", "",
                    Detail.of("audit.detail.ssoUnknownUser", sso.matchClaim()).encoded());
            throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN), "no account for the claim");
        }
        if (!account.get().isEnabled()) {
            audit.recordAs(account.get().getUsername(), "LOGIN_REFUSED_DISABLED", "UserAccount", account.get().getId(),
                    Detail.of("audit.detail.singleSignOn").encoded());
            throw new OAuth2AuthenticationException(new OAuth2Error(DISABLED), "account disabled");
        }
        return new SsoPrincipal(account.get(), signedIn);
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
