package it.ricolloca.agenda.internal;

import it.ricolloca.agenda.AgendaRoutes;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first appointments booked today at the offices of the provider CPI and not yet recorded, for
 * its master, operators and tutors (the tutor takes the worker in charge at the first appointment, so
 * every tutor of the CPI sees them); one counting statement after the CPI's offices are read. The card
 * opens the agenda's list of that day's first appointments. With them, in the same statement, the workers'
 * requests to move an appointment still to decide (issue 22), which open the list of those requests.
 */
@Component
class FirstAppointmentDueWork implements DueWorkSource {

    private final JdbcClient jdbc;
    private final JobCentres centres;

    FirstAppointmentDueWork(JdbcClient jdbc, JobCentres centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        if (!scope.ofCentre() || !scope.hasAny("CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR")) {
            return List.of();
        }
        long centre = scope.centreId();
        List<Long> offices = centres.officeIdsOf(centre);
        if (offices.isEmpty()) {
            return List.of();
        }
        LocalDate today = Dates.today();
        // One statement: today's first appointments and the workers' requests to move an appointment still to decide.
        List<DueWork> due = jdbc.sql("""
                select (select count(*) from agenda_appointment where office_id in (:offices) and purpose = 'FIRST'
                        and status = 'BOOKED' and starts_at >= :from and starts_at < :to) as first,
                    count(*) as moves, min(requested_at) as oldest
                from agenda_move_request where office_id in (:offices) and status = 'PENDING'""")
                .param("offices", offices)
                .param("from", java.sql.Timestamp.from(today.atStartOfDay(Dates.ZONE).toInstant()))
                .param("to", java.sql.Timestamp.from(today.plusDays(1).atStartOfDay(Dates.ZONE).toInstant()))
                .query((rs, n) -> {
                    java.sql.Timestamp oldest = rs.getTimestamp("oldest");
                    return List.of(new DueWork(29, "home.due.agenda.FIRST_TODAY", "home.due.today", rs.getLong("first"),
                            today, AgendaRoutes.firstAppointments(today)),
                            new DueWork(29, "home.due.agenda.MOVE_REQUESTS", "home.due.since", rs.getLong("moves"),
                                    oldest == null ? null : oldest.toInstant().atZone(Dates.ZONE).toLocalDate(),
                                    AgendaRoutes.MOVE_REQUESTS));
                }).single();
        return due;
    }
}
