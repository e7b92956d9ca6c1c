package it.ricolloca.requests.internal;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.requests.RequestRefusedException;
import it.ricolloca.requests.TermRules;
import it.ricolloca.shared.LegalCalendar;
import it.ricolloca.shared.web.Dates;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The {@link TermRules} of requests read from the parameters: each parameter's periods are read once
 * ({@link #load}, three queries), then every date is answered in memory, so a list or an import
 * computes the terms of many requests without a query per request.
 */
@Component
public class RequestTerms {

    private final Parameters parameters;

    RequestTerms(Parameters parameters) {
        this.parameters = parameters;
    }

    /** The rules as the parameters stand now. */
    public TermRules load() {
        return new Loaded(parameters.history(Parameter.OBSERVATION_WINDOW_DAYS),
                parameters.history(Parameter.DECISION_DEADLINE_DAYS),
                parameters.history(Parameter.LEGAL_TERMS_MOVE_TO_WORKING_DAY));
    }

    /** The carry of a term's last day alone (one query), for lists. */
    public java.util.function.UnaryOperator<LocalDate> carry() {
        List<Parameters.Period> moves = parameters.history(Parameter.LEGAL_TERMS_MOVE_TO_WORKING_DAY);
        return d -> d == null ? null : Loaded.carry(moves, d);
    }

    private record Loaded(List<Parameters.Period> window, List<Parameters.Period> decision,
            List<Parameters.Period> moves) implements TermRules {

        @Override
        public int observationWindowDays(LocalDate noticeDate) {
            return Integer.parseInt(value(window, Parameter.OBSERVATION_WINDOW_DAYS, noticeDate));
        }

        @Override
        public int decisionDays(LocalDate requestDate) {
            return Integer.parseInt(value(decision, Parameter.DECISION_DEADLINE_DAYS, requestDate));
        }

        @Override
        public LocalDate lastDay(LocalDate nominal) {
            return carry(moves, nominal);
        }

        static LocalDate carry(List<Parameters.Period> moves, LocalDate nominal) {
            boolean on = moves.stream().filter(p -> covers(p, nominal)).findFirst().map(p -> Boolean.parseBoolean(p.value()))
                    .orElse(Boolean.parseBoolean(Parameter.LEGAL_TERMS_MOVE_TO_WORKING_DAY.defaultValue()));
            return on ? LegalCalendar.nextWorkingDayFrom(nominal) : nominal;
        }

        /** The value valid on the date: the period starting latest on or before it (history is newest first). */
        private static String value(List<Parameters.Period> periods, Parameter p, LocalDate on) {
            return periods.stream().filter(x -> covers(x, on)).findFirst().map(Parameters.Period::value)
                    .orElseThrow(() -> new RequestRefusedException("parameter.noValue", p.name(), Dates.format(on)));
        }

        private static boolean covers(Parameters.Period p, LocalDate on) {
            return !p.validFrom().isAfter(on) && (p.validTo() == null || !p.validTo().isBefore(on));
        }
    }
}
