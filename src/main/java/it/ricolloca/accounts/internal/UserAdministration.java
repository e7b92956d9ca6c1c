package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing users: the regional administrator manages everyone, a CPI master user the users of
 * their own CPI (and only with CPI roles below master). Records outside the actor's scope are 404.
 */
@Service
@Transactional
public class UserAdministration {

    /** The roles a master user may give to the users of their CPI. */
    public static final Set<Role> MASTER_ASSIGNABLE = EnumSet.of(Role.CPI_OPERATOR, Role.CPI_TUTOR,
            Role.CPI_VACANCY_REFERENT);

    /** A refused user change, with the form field it concerns. */
    public static class UserRejectedException extends DomainException {
        private final String field;

        UserRejectedException(String field, String key) {
            super(key);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final UserAccountRepository users;
    private final JobCentres centres;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final SessionTerminator sessions;
    private final SignInGuard guard;

    UserAdministration(UserAccountRepository users, JobCentres centres, PasswordEncoder encoder, AuditTrail audit,
            SessionTerminator sessions, SignInGuard guard) {
        this.guard = guard;
        this.users = users;
        this.centres = centres;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public Page<UserAccount> search(CurrentUser actor, String query, int page, int size) {
        requireManager(actor);
        return users.search(actor.scopeCentreId(), query.strip().toLowerCase(Locale.ROOT), PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    public UserAccount get(CurrentUser actor, long id) {
        requireManager(actor);
        return users.findById(id).filter(u -> visible(actor, u)).orElseThrow(NotFoundException::new);
    }

    public UserAccount create(CurrentUser actor, String username, String fullName, String email, Long centreId,
            Collection<Role> roles, String password) {
        requireManager(actor);
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (users.existsByUsername(name)) {
            throw new UserRejectedException("username", "user.username.taken");
        }
        Long centre = effectiveCentre(actor, centreId);
        checkRoles(actor, centre, roles);
        PasswordPolicy.violation(password, name).ifPresent(key -> {
            throw new UserRejectedException("password", key);
        });
        UserAccount user = users.saveAndFlush(new UserAccount(name, fullName, email, centre, roles, encoder.encode(password)));
        audit.record("USER_CREATED", "UserAccount", user.getId(), describe(user));
        return user;
    }

    public UserAccount update(CurrentUser actor, long id, long version, String fullName, String email, Long centreId,
            Collection<Role> roles) {
        UserAccount user = get(actor, id);
        if (user.getVersion() != version) {
            throw new UserRejectedException(null, "form.stale");
        }
        Long centre = actor.isAdmin() ? centreId : user.getCentreId();
        if (!actor.isAdmin() && user.getRoles().stream().anyMatch(r -> !MASTER_ASSIGNABLE.contains(r))) {
            throw new UserRejectedException(null, "user.notManageable");
        }
        checkRoles(actor, centre, roles);
        String before = describe(user);
        user.update(fullName, email, centre, roles);
        users.flush();
        audit.record("USER_UPDATED", "UserAccount", id, Detail.of("audit.detail.beforeAfter", before, describe(user)).encoded());
        sessions.endSessionsOf(user.getUsername());
        return user;
    }

    /**
     * Records (or clears, when blank) the codice fiscale a single sign-on provider identifies the person by
     * (ADR 0029): checked, and never the same as another account's. Nothing is recorded when it did not change;
     * the account's version stays (called before the form's other changes, which check it).
     */
    public void setFiscalCode(CurrentUser actor, long id, String fiscalCode) {
        UserAccount user = get(actor, id);
        String code = fiscalCode == null || fiscalCode.isBlank() ? null : CodiceFiscale.normalise(fiscalCode);
        if (java.util.Objects.equals(code, user.getFiscalCode())) {
            return;
        }
        checkFiscalCode(code, user.getId());
        users.setFiscalCode(id, code);
        audit.record("USER_FISCAL_CODE_SET", "UserAccount", id, code == null ? Detail.of("audit.detail.fiscalCodeCleared").encoded()
                : Detail.of("audit.detail.fiscalCodeSet", code).encoded());
    }

    /** Refuses a codice fiscale that is not valid or that another account (not {@code accountId}) already has. */
    @Transactional(readOnly = true)
    public void checkFiscalCode(String fiscalCode, Long accountId) {
        String code = fiscalCode == null || fiscalCode.isBlank() ? null : CodiceFiscale.normalise(fiscalCode);
        if (code != null && !CodiceFiscale.isValid(code)) {
            throw new UserRejectedException("fiscalCode", "user.fiscalCode.invalid");
        }
        if (code != null && users.findByFiscalCode(code).filter(other -> !other.getId().equals(accountId)).isPresent()) {
            throw new UserRejectedException("fiscalCode", "user.fiscalCode.taken");
        }
    }

    public void setEnabled(CurrentUser actor, long id, boolean enabled) {
        UserAccount user = get(actor, id);
        if (user.getId() == actor.id()) {
            throw new UserRejectedException(null, "user.notSelf");
        }
        if (!actor.isAdmin() && user.getRoles().stream().anyMatch(r -> !MASTER_ASSIGNABLE.contains(r))) {
            throw new UserRejectedException(null, "user.notManageable");
        }
        if (enabled) {
            user.enable();
        } else {
            user.disable();
            sessions.endSessionsOf(user.getUsername());
        }
        audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "UserAccount", id, "");
    }

    public void unlock(CurrentUser actor, long id) {
        UserAccount user = get(actor, id);
        user.unlock();
        guard.unlock(user.getUsername());
        audit.record("USER_UNLOCKED", "UserAccount", id, "");
    }

    public void resetPassword(CurrentUser actor, long id, String password) {
        UserAccount user = get(actor, id);
        if (!actor.isAdmin() && user.getRoles().stream().anyMatch(r -> !MASTER_ASSIGNABLE.contains(r))) {
            throw new UserRejectedException(null, "user.notManageable");
        }
        PasswordPolicy.violation(password, user.getUsername()).ifPresent(key -> {
            throw new UserRejectedException("password", key);
        });
        user.changePassword(encoder.encode(password));
        audit.record("PASSWORD_RESET", "UserAccount", id, "");
        sessions.endSessionsOf(user.getUsername());
    }

    /**
     * The signed-in user changes their own password, proving they know the current one. A wrong current
     * password counts as a failed sign-in from {@code source}: at the limit every session of the user ends
     * ({@link PasswordGuessingException}), so a stolen session cannot guess it. Once changed, the user's
     * other sessions end: only the one that changed it ({@code keepSessionId}) stays open.
     */
    // A refusal changes nothing but its audit entry, which must stay: the attempt happened.
    @Transactional(noRollbackFor = {UserRejectedException.class, PasswordGuessingException.class})
    public void changeOwnPassword(CurrentUser actor, String current, String password, String source,
            String keepSessionId) {
        UserAccount user = users.findById(actor.id()).orElseThrow(NotFoundException::new);
        var locked = guard.lockedUntil(user.getUsername(), source);
        if (locked.isPresent()) {
            sessions.endSessionsOf(user.getUsername());
            throw new PasswordGuessingException(Duration.between(Instant.now(), locked.get()));
        }
        if (!encoder.matches(current, user.getPasswordHash())) {
            audit.record("PASSWORD_CHANGE_FAILED", "UserAccount", user.getId(), Detail.of("audit.detail.wrongPassword").encoded());
            var failure = guard.failed(user.getUsername(), source);
            LoginAttempts.recordFailure(audit, guard, user.getUsername(), failure);
            var lock = failure.lock();
            if (lock.isPresent()) {
                sessions.endSessionsOf(user.getUsername());
                throw new PasswordGuessingException(lock.get());
            }
            throw new UserRejectedException("currentPassword", "password.current.wrong");
        }
        PasswordPolicy.violation(password, user.getUsername()).ifPresent(key -> {
            throw new UserRejectedException("newPassword", key);
        });
        if (encoder.matches(password, user.getPasswordHash())) {
            throw new UserRejectedException("newPassword", "password.rule.same");
        }
        user.changePassword(encoder.encode(password));
        audit.record("PASSWORD_CHANGED", "UserAccount", user.getId(), "");
        sessions.endSessionsOf(user.getUsername(), keepSessionId);
    }

    private boolean visible(CurrentUser actor, UserAccount user) {
        return actor.isAdmin() || (user.getCentreId() != null && actor.centreId() != null
                && actor.centreId().equals(user.getCentreId()));
    }

    private static void requireManager(CurrentUser actor) {
        if (!actor.isAdmin() && !(actor.hasRole(Role.CPI_MASTER) && actor.centreId() != null)) {
            throw new NotFoundException();
        }
    }

    private Long effectiveCentre(CurrentUser actor, Long centreId) {
        return actor.isAdmin() ? centreId : actor.centreId();
    }

    private void checkRoles(CurrentUser actor, Long centre, Collection<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new UserRejectedException("roles", "user.roles.empty");
        }
        boolean regional = roles.stream().anyMatch(Role::isRegional);
        boolean local = roles.stream().anyMatch(r -> !r.isRegional());
        if (regional && local) {
            throw new UserRejectedException("roles", "user.roles.mixed");
        }
        if (regional && centre != null) {
            throw new UserRejectedException("centreId", "user.centre.notForRegional");
        }
        if (local && centre == null) {
            throw new UserRejectedException("centreId", "user.centre.required");
        }
        if (centre != null && centres.find(centre).isEmpty()) {
            throw new UserRejectedException("centreId", "user.centre.required");
        }
        if (!actor.isAdmin() && !MASTER_ASSIGNABLE.containsAll(roles)) {
            throw new UserRejectedException("roles", "user.roles.notAssignable");
        }
    }

    /** What an audit entry says of an account: codes, never the person's name or address. */
    private static String describe(UserAccount u) {
        return "CPI=" + u.getCentreId() + ", ruoli=" + u.getRoles();
    }

    /** Too many wrong current passwords: every session of the user has been ended. */
    public static class PasswordGuessingException extends RuntimeException {
        private final long waitMinutes;

        PasswordGuessingException(Duration wait) {
            super("password guessing", null, false, false);
            this.waitMinutes = Math.max(1, wait.plusSeconds(59).toMinutes());
        }

        public long waitMinutes() {
            return waitMinutes;
        }
    }
}
