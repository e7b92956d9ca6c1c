package it.ricolloca.accounts.internal;

import it.ricolloca.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins, locks the account when the policy says so, and records every login and
 * failed login in the audit trail. Counting is one atomic SQL update, so that several nodes
 * answering the same user's attempts never lose one.
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final LockoutPolicy policy;

    LoginAttempts(JdbcClient jdbc, AuditTrail audit, LockoutPolicy policy) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.policy = policy;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof ApiTokenAuthentication
                || !(event.getAuthentication().getPrincipal() instanceof AccountPrincipal p)) {
            return;
        }
        jdbc.sql("update accounts_user set failed_attempts = 0 where id = ?").param(p.user().id()).update();
        audit.recordAs(p.getUsername(), "LOGIN_SUCCEEDED", "UserAccount", p.user().id(), "");
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = attempted(event.getAuthentication().getName());
        Integer attempts = jdbc.sql("""
                update accounts_user set failed_attempts = failed_attempts + 1
                where username = ? returning failed_attempts""")
                .param(username).query(Integer.class).optional().orElse(null);
        audit.recordAs(username, "LOGIN_FAILED", "UserAccount", "",
                attempts == null ? "utente sconosciuto" : "tentativo " + attempts);
        if (attempts != null && attempts >= policy.maxAttempts()) {
            Instant until = Instant.now().plus(policy.duration());
            jdbc.sql("update accounts_user set failed_attempts = 0, locked_until = ? where username = ?")
                    .params(Timestamp.from(until), username).update();
            audit.recordAs(username, "ACCOUNT_LOCKED", "UserAccount", "",
                    "bloccato per " + policy.duration().toMinutes() + " minuti dopo " + attempts + " tentativi falliti");
        }
    }

    @EventListener
    @Transactional
    public void refusedLocked(AuthenticationFailureLockedEvent event) {
        audit.recordAs(attempted(event.getAuthentication().getName()), "LOGIN_REFUSED_LOCKED", "UserAccount", "", "");
    }

    @EventListener
    @Transactional
    public void refusedDisabled(AuthenticationFailureDisabledEvent event) {
        audit.recordAs(attempted(event.getAuthentication().getName()), "LOGIN_REFUSED_DISABLED", "UserAccount", "", "");
    }

    private static String attempted(String name) {
        String s = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
