package it.ricolloca.parameters;

import it.ricolloca.shared.LegalCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * The last day of a legal term: counted in calendar days, and carried to the next working day when it
 * falls on a Sunday or a national holiday (art. 2963 c.c., as applied to administrative terms), unless
 * the region turns {@link Parameter#LEGAL_TERMS_MOVE_TO_WORKING_DAY} off for the term's date.
 */
@Service
public class LegalTerms {

    private final Parameters parameters;

    LegalTerms(Parameters parameters) {
        this.parameters = parameters;
    }

    /** The last day of a term of {@code days} calendar days counted from {@code from} (the day itself excluded). */
    public LocalDate end(LocalDate from, int days) {
        return lastDay(from.plusDays(days));
    }

    /** The last day of a term of {@code months} months counted from {@code from}. */
    public LocalDate endAfterMonths(LocalDate from, int months) {
        return lastDay(from.plusMonths(months));
    }

    /** A term's nominal last day, moved to the next working day when the rule is on. */
    public LocalDate lastDay(LocalDate nominal) {
        return moves(nominal) ? LegalCalendar.nextWorkingDayFrom(nominal) : nominal;
    }

    private boolean moves(LocalDate on) {
        return parameters.flag(Parameter.LEGAL_TERMS_MOVE_TO_WORKING_DAY, on);
    }
}
