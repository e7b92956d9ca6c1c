package it.ricolloca.accounts.internal;

import org.springframework.stereotype.Component;

/** How people may sign in, for the login page: the regional provider, the local password, or both (ADR 0029). */
@Component
public class SignInOptions {

    /** Where the provider's sign-in starts (Spring Security's authorization request). */
    public static final String SINGLE_SIGN_ON_START = "/oauth2/authorization/" + SingleSignOnProperties.REGISTRATION;

    private final SingleSignOnProperties sso;

    SignInOptions(SingleSignOnProperties sso) {
        this.sso = sso;
    }

    /** Whether the regional identity provider is configured. */
    public boolean singleSignOn() {
        return sso.enabled();
    }

    /** Whether the local username and password sign in: always, unless single sign-on is on and the region turned them off. */
    public boolean localPasswords() {
        return !sso.enabled() || sso.localPasswords();
    }
}
