package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.web.AccountRoutes;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delegations of the master's CPI that end within {@value #WITHIN_DAYS} days (to renew or let
 * lapse knowingly), the soonest end first; one statement.
 */
@Component
class DelegationDueWork implements DueWorkSource {

    /** How far ahead an ending delegation is shown on the master's home page. */
    static final int WITHIN_DAYS = 30;

    private final JdbcClient jdbc;

    DelegationDueWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        if (!scope.ofCentre() || !scope.hasAny("CPI_MASTER")) {
            return List.of();
        }
        LocalDate today = Dates.today();
        return jdbc.sql("select count(*), min(end_date) from accounts_delegation where centre_id = ?"
                + " and revoked_at is null and end_date between ? and ?")
                .params(scope.centreId(), today, today.plusDays(WITHIN_DAYS))
                .query((rs, n) -> List.of(new DueWork(60, "home.due.delegations", "home.due.ends", rs.getLong(1),
                        rs.getObject(2, LocalDate.class), AccountRoutes.DELEGATIONS + "?expiring=" + WITHIN_DAYS)))
                .single();
    }
}
