package it.ricolloca.accounts;

import it.ricolloca.accounts.internal.AccountPrincipal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for any module's queries and checks. */
@Component
public class CurrentUsers {

    public Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            return Optional.of(p.user());
        }
        return Optional.empty();
    }

    /** The signed-in user; only for routes that require authentication. */
    public CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("Nessun utente autenticato"));
    }
}
