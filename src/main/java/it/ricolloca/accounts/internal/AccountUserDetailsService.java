package it.ricolloca.accounts.internal;

import java.time.Instant;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AccountUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return users.findByUsername(name).map(u -> AccountPrincipal.of(u, Instant.now()))
                .orElseThrow(() -> new UsernameNotFoundException("utente sconosciuto"));
    }
}
