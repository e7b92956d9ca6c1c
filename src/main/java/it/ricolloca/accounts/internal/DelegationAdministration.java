package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Granting, listing and revoking delegations, within the actor's CPI (or any CPI for the region). */
@Service
@Transactional
public class DelegationAdministration {

    /** A refused grant, with the form field it concerns. */
    public static class GrantRejectedException extends DomainException {
        private final String field;

        GrantRejectedException(String field, String key) {
            super(key);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final DelegationRepository delegations;
    private final UserAccountRepository users;
    private final AuditTrail audit;

    DelegationAdministration(DelegationRepository delegations, UserAccountRepository users, AuditTrail audit) {
        this.delegations = delegations;
        this.users = users;
        this.audit = audit;
    }

    /** Who may see the list: the regional administrator and AdR service, and a CPI's master user. */
    public static boolean canRead(CurrentUser actor) {
        return actor.isAdmin() || actor.hasRole(Role.REGIONAL_ADR_SERVICE) || canGrant(actor);
    }

    public static boolean canGrant(CurrentUser actor) {
        return actor.isAdmin() || (actor.hasRole(Role.CPI_MASTER) && actor.centreId() != null);
    }

    @Transactional(readOnly = true)
    public Page<Delegation> search(CurrentUser actor, boolean includeEnded, String query, int page, int size) {
        if (!canRead(actor)) {
            throw new NotFoundException();
        }
        return delegations.search(actor.scopeCentreId(), includeEnded, Dates.today(),
                query.strip().toLowerCase(Locale.ROOT), PageRequest.of(page, size));
    }

    /** The active delegations that end within {@code days} days from today, the soonest first (the home page's link). */
    @Transactional(readOnly = true)
    public Page<Delegation> expiring(CurrentUser actor, int days, int page, int size) {
        if (!canRead(actor)) {
            throw new NotFoundException();
        }
        LocalDate today = Dates.today();
        return delegations.expiring(actor.scopeCentreId(), today, today.plusDays(days), PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    public Delegation get(CurrentUser actor, long id) {
        if (!canRead(actor)) {
            throw new NotFoundException();
        }
        return delegations.findById(id).filter(d -> actor.canSeeCentre(d.getCentreId()))
                .orElseThrow(NotFoundException::new);
    }

    /** Operators the actor may delegate to: those of their CPI, or of every CPI for the administrator. */
    @Transactional(readOnly = true)
    public List<UserAccount> candidates(CurrentUser actor) {
        if (!canGrant(actor)) {
            throw new NotFoundException();
        }
        if (actor.isAdmin()) {
            return users.findAll().stream().filter(u -> u.isEnabled() && u.getCentreId() != null
                    && u.getRoles().contains(Role.CPI_OPERATOR))
                    .sorted(Comparator.comparing(UserAccount::getFullName)).toList();
        }
        return users.findByCentreAndRole(actor.centreId(), Role.CPI_OPERATOR);
    }

    public Delegation grant(CurrentUser actor, long delegateId, DelegatedFunction function, LocalDate start,
            LocalDate end) {
        if (!canGrant(actor)) {
            throw new NotFoundException();
        }
        UserAccount delegate = users.findById(delegateId)
                .filter(u -> u.getCentreId() != null && actor.canSeeCentre(u.getCentreId()))
                .filter(u -> u.isEnabled() && u.getRoles().contains(Role.CPI_OPERATOR))
                .orElseThrow(() -> new GrantRejectedException("delegateId", "delegation.delegate.invalid"));
        if (end != null && end.isBefore(start)) {
            throw new GrantRejectedException("endDate", "delegation.end.beforeStart");
        }
        if (start.isBefore(Dates.today())) {
            throw new GrantRejectedException("startDate", "delegation.start.past");
        }
        boolean overlapping = delegations.findByDelegateIdAndFunction(delegateId, function).stream()
                .anyMatch(d -> d.overlaps(start, end));
        if (overlapping) {
            throw new GrantRejectedException("function", "delegation.overlap");
        }
        Delegation delegation = delegations.saveAndFlush(new Delegation(delegate, function, start, end, actor.username()));
        audit.record("DELEGATION_GRANTED", "Delegation", delegation.getId(), (end == null
                ? Detail.of("audit.detail.delegationFrom", delegate.getUsername(), Detail.label(function.labelKey()), start)
                : Detail.of("audit.detail.delegationBetween", delegate.getUsername(), Detail.label(function.labelKey()), start, end))
                .encoded());
        return delegation;
    }

    public void revoke(CurrentUser actor, long id) {
        if (!canGrant(actor)) {
            throw new NotFoundException();
        }
        Delegation delegation = get(actor, id);
        delegation.revoke(actor.username(), Dates.today());
        delegations.flush();
        audit.record("DELEGATION_REVOKED", "Delegation", id, Detail.of("audit.detail.delegation",
                delegation.getDelegate().getUsername(), Detail.label(delegation.getFunction().labelKey())).encoded());
    }

    @Transactional(readOnly = true)
    public List<Delegation> activeFor(long userId) {
        LocalDate today = Dates.today();
        return delegations.findByDelegateIdOrderByStartDateDesc(userId).stream().filter(d -> d.isActiveOn(today)).toList();
    }
}
