package it.ricolloca.requests.internal;

import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.DueScope;
import it.ricolloca.shared.web.DueWork;
import it.ricolloca.shared.web.DueWorkSource;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ministerial lists not imported, on the region's home page: one list a week is expected, so the
 * weeks (Monday to Sunday) from the one after the latest snapshot imported up to this one are each a
 * list due, the oldest from its Monday; with no import at all, this week's list. One statement.
 */
@Component
class ImportDueWork implements DueWorkSource {

    private final JdbcClient jdbc;

    ImportDueWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueWork> dueFor(DueScope scope) {
        if (scope.ofCentre() || !scope.hasAny("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE")) {
            return List.of();
        }
        LocalDate latest = jdbc.sql("select max(snapshot_date) from requests_import")
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
        LocalDate thisWeek = monday(Dates.today());
        LocalDate firstMissing = latest == null ? thisWeek : monday(latest).plusWeeks(1);
        long weeks = firstMissing.isAfter(thisWeek) ? 0 : ChronoUnit.WEEKS.between(firstMissing, thisWeek) + 1;
        return List.of(new DueWork(21, "home.due.imports", "home.due.weekOf", weeks, weeks == 0 ? null : firstMissing,
                RequestRoutes.IMPORTS));
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
