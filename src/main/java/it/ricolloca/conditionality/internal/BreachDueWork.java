package it.ricolloca.conditionality.internal;

import it.ricolloca.conditionality.BreachStatus;
import it.ricolloca.conditionality.ConditionalityRoutes;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The breaches the competent CPI has to decide (reported, neither justified nor sanctioned yet), on its
 * master's and operators' home page, the oldest justification deadline first; one statement.
 */
@Component
class BreachDueWork implements DueWorkSource {

    private final JdbcClient jdbc;

    BreachDueWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        if (!scope.ofCentre() || !scope.hasAny("CPI_MASTER", "CPI_OPERATOR")) {
            return List.of();
        }
        return jdbc.sql("select count(*), min(justification_deadline) from conditionality_breach"
                + " where competent_centre_id = ? and status = ?")
                .params(scope.centreId(), BreachStatus.REPORTED.name())
                .query((rs, n) -> List.of(new DueWork(14, "home.due.breaches", "home.due.deadline", rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        ConditionalityRoutes.QUEUE + "?status=" + BreachStatus.REPORTED.name())))
                .single();
    }
}
