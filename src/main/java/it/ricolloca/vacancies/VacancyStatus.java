package it.ricolloca.vacancies;

import java.util.EnumSet;
import java.util.Set;

/** Where an offer stands: open, in selection, filled, closed or suspended; filled and closed are final. */
public enum VacancyStatus {
    OPEN,
    IN_SELECTION,
    FILLED,
    CLOSED,
    SUSPENDED;

    /** The statuses this one may move to by a referent's act. */
    public Set<VacancyStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_SELECTION, FILLED, CLOSED, SUSPENDED);
            case IN_SELECTION -> EnumSet.of(OPEN, FILLED, CLOSED, SUSPENDED);
            case SUSPENDED -> EnumSet.of(OPEN, IN_SELECTION, CLOSED);
            case FILLED, CLOSED -> EnumSet.noneOf(VacancyStatus.class);
        };
    }

    /** Whether tutors may still propose candidates. */
    public boolean takesReferrals() {
        return this == OPEN || this == IN_SELECTION;
    }

    public String labelKey() {
        return "vacancy.status." + name();
    }
}
