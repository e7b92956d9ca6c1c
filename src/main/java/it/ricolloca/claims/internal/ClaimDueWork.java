package it.ricolloca.claims.internal;

import it.ricolloca.claims.ClaimRoutes;
import it.ricolloca.claims.ClaimStatus;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The claims the master's CPI has to review (prepared at the pathway's closing, not reviewed yet), the
 * one waiting since the oldest closing first; one statement. The register's own status filter lists them.
 */
@Component
class ClaimDueWork implements DueWorkSource {

    private final JdbcClient jdbc;

    ClaimDueWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        if (!scope.ofCentre() || !scope.hasAny("CPI_MASTER")) {
            return List.of();
        }
        return jdbc.sql("select count(*), min(closed_on) from claims_claim where centre_id = ? and status = ?")
                .params(scope.centreId(), ClaimStatus.PREPARED.name())
                .query((rs, n) -> List.of(new DueWork(50, "home.due.claims", "home.due.since", rs.getLong(1),
                        rs.getObject(2, LocalDate.class), ClaimRoutes.REGISTER + "?status=" + ClaimStatus.PREPARED.name())))
                .single();
    }
}
