package it.ricolloca.pathway.internal;

import it.ricolloca.agenda.Agenda;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.shared.LegalCalendar;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The two months to ask for the service (art. 23 c.4 D.Lgs. 150/2015, {@code SERVICE_REQUEST_WITHIN_MONTHS}
 * in force on the release): from the release to its last day, carried to the next working day when
 * {@code LEGAL_TERMS_MOVE_TO_WORKING_DAY} is on for that day (as {@code LegalTerms} does). A worker asked
 * for the service once a first appointment was fixed for the request (whatever became of it, unless
 * cancelled). A list reads each parameter's history once, so its queries do not grow with its rows.
 */
@Component
public class ServiceRequestTerms {

    /** Days before the last day from which the provider is warned. */
    static final int WARNING_DAYS = 15;

    private final Parameters parameters;
    private final Agenda agenda;

    ServiceRequestTerms(Parameters parameters, Agenda agenda) {
        this.parameters = parameters;
        this.agenda = agenda;
    }

    /** The parameters' histories, read once for a list. */
    final class Calendar {

        private final List<Parameters.Period> months = parameters.history(Parameter.SERVICE_REQUEST_WITHIN_MONTHS);
        private final List<Parameters.Period> moves = parameters.history(Parameter.LEGAL_TERMS_MOVE_TO_WORKING_DAY);

        LocalDate lastDay(LocalDate releasedOn) {
            LocalDate nominal = releasedOn.plusMonths(Integer.parseInt(
                    valueOn(months, Parameter.SERVICE_REQUEST_WITHIN_MONTHS, releasedOn)));
            return Boolean.parseBoolean(valueOn(moves, Parameter.LEGAL_TERMS_MOVE_TO_WORKING_DAY, nominal))
                    ? LegalCalendar.nextWorkingDayFrom(nominal) : nominal;
        }

        /** The value in force on the day, from the history (the parameters' own refusal when none covers it). */
        private String valueOn(List<Parameters.Period> history, Parameter parameter, LocalDate day) {
            return history.stream().filter(p -> !p.validFrom().isAfter(day) && (p.validTo() == null || !p.validTo().isBefore(day)))
                    .max(java.util.Comparator.comparing(Parameters.Period::validFrom)).map(Parameters.Period::value)
                    .orElseGet(() -> parameters.valueOn(parameter, day));
        }
    }

    Calendar calendar() {
        return new Calendar();
    }

    /**
     * The warnings of these requests (id to release date) on {@code today}: for each one not yet asked
     * for, whose last day is within {@link #WARNING_DAYS} or passed. One query to the agenda.
     */
    public Map<Long, ServiceRequestWarning> warnings(Map<Long, LocalDate> releases, LocalDate today) {
        if (releases.isEmpty()) {
            return Map.of();
        }
        Set<Long> asked = agenda.withFirstAppointmentFixedBy(releases.keySet(), today);
        Calendar calendar = calendar();
        Map<Long, ServiceRequestWarning> out = new java.util.HashMap<>();
        releases.forEach((id, released) -> {
            if (released == null || asked.contains(id)) {
                return;
            }
            LocalDate last = calendar.lastDay(released);
            if (today.isAfter(last)) {
                out.put(id, new ServiceRequestWarning(last, true));
            } else if (!today.isBefore(last.minusDays(WARNING_DAYS))) {
                out.put(id, new ServiceRequestWarning(last, false));
            }
        });
        return out;
    }

    /** Of these requests, those for which a first appointment was fixed on or before {@code by}. */
    Set<Long> asked(Collection<Long> requestIds, LocalDate by) {
        return agenda.withFirstAppointmentFixedBy(requestIds, by);
    }
}
