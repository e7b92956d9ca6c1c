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
 * opens the agenda's list of that day's first appointments.
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
        long count = jdbc.sql("""
                select count(*) from agenda_appointment where office_id in (:offices) and purpose = 'FIRST'
                and status = 'BOOKED' and starts_at >= :from and starts_at < :to""")
                .param("offices", offices)
                .param("from", java.sql.Timestamp.from(today.atStartOfDay(Dates.ZONE).toInstant()))
                .param("to", java.sql.Timestamp.from(today.plusDays(1).atStartOfDay(Dates.ZONE).toInstant()))
                .query(Long.class).single();
        return List.of(new DueWork(29, "home.due.agenda.FIRST_TODAY", "home.due.today", count, today,
                AgendaRoutes.firstAppointments(today)));
    }
}
