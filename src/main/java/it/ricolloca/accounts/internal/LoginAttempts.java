package it.ricolloca.accounts.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every login and failed login in the audit trail and counts the failures in the
 * {@link SignInGuard}, per username and source: a lock stops the source, never the account.
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SignInGuard guard;

    LoginAttempts(JdbcClient jdbc, AuditTrail audit, SignInGuard guard) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.guard = guard;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof it.ricolloca.accounts.WorkerPrincipal w) {
            // A worker signed in to their own pages (ADR 0040): the worker is the actor.
            audit.recordAs(w.getName(), "WORKER_SIGNED_IN", "Worker", w.workerId(), "");
            return;
        }
        if (event.getAuthentication() instanceof ApiTokenAuthentication
                || !(event.getAuthentication().getPrincipal() instanceof AccountPrincipal p)) {
            return;
        }
        jdbc.sql("update accounts_user set failed_attempts = 0 where id = ?").param(p.user().id()).update();
        guard.succeeded(p.getUsername(), source(event.getAuthentication()));
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
                (attempts == null ? Detail.of("audit.detail.unknownUser") : Detail.of("audit.detail.attempt", attempts)).encoded());
        recordFailure(audit, guard, username, guard.failed(username, source(event.getAuthentication())));
    }

    /** Audits what a failure caused: the lock of its source, the start of its username's guard (ADR 0031). */
    static void recordFailure(AuditTrail audit, SignInGuard guard, String username, SignInGuard.Failure failure) {
        failure.lock().ifPresent(lock -> audit.recordAs(username, "SIGN_IN_SOURCE_LOCKED", "UserAccount", "",
                Detail.of("audit.detail.sourceLocked", lock.toMinutes()).encoded()));
        if (failure.guardStartedAt() > 0) {
            audit.recordAs(username, "SIGN_IN_USER_GUARDED", "UserAccount", "", Detail.of("audit.detail.userGuarded",
                    failure.guardStartedAt(), guard.userWindow().toMinutes()).encoded());
        }
    }

    /** The address the attempt came from, as the login filter recorded it. */
    static String source(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
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
