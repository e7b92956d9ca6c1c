package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.CurrentUser;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it (serialisable: it lives in the JDBC session). */
public class AccountPrincipal implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled, boolean locked) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    static AccountPrincipal of(UserAccount account, Instant now) {
        return new AccountPrincipal(account.toCurrentUser(), account.getPasswordHash(), account.isEnabled(),
                account.isLocked(now));
    }

    public CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal other && other.user.id() == user.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(user.id());
    }

    @Override
    public String toString() {
        return user.username();
    }
}
