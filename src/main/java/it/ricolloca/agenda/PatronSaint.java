package it.ricolloca.agenda;

import java.time.LocalDate;
import java.time.MonthDay;

/** An office's patron saint: a local holiday, closed every year on that day (national holidays are closed anyway). */
public record PatronSaint(long officeId, String saint, MonthDay day, String createdBy) {

    public boolean covers(LocalDate date) {
        return MonthDay.from(date).equals(day);
    }

    /** The day as the page shows it (gg/mm). */
    public String dayLabel() {
        return String.format("%02d/%02d", day.getDayOfMonth(), day.getMonthValue());
    }
}
