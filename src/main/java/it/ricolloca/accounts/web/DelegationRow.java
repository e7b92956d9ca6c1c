package it.ricolloca.accounts.web;

import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.internal.Delegation;
import it.ricolloca.shared.web.Dates;
import java.util.function.LongFunction;

/** One line of a delegation list. */
public record DelegationRow(long id, String centre, String delegate, String delegateUsername,
        DelegatedFunction function, String start, String end, String grantedBy, boolean revoked, boolean active) {

    static DelegationRow of(Delegation d, LongFunction<String> centreName) {
        return new DelegationRow(d.getId(), centreName.apply(d.getCentreId()), d.getDelegate().getFullName(),
                d.getDelegate().getUsername(), d.getFunction(), Dates.format(d.getStartDate()),
                Dates.format(d.getEndDate()), d.getGrantedBy(), d.getRevokedAt() != null, d.isActiveOn(Dates.today()));
    }
}
