package it.ricolloca.accounts;

import it.ricolloca.accounts.internal.DelegationRepository;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether a user may act for their CPI in a delegated function on a given day. */
@Service
@Transactional(readOnly = true)
public class Delegations {

    private final DelegationRepository delegations;

    Delegations(DelegationRepository delegations) {
        this.delegations = delegations;
    }

    public boolean isActive(long userId, DelegatedFunction function, LocalDate on) {
        return delegations.countActive(userId, function, on) > 0;
    }
}
