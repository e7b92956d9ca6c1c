package it.ricolloca.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LegalCalendarTest {

    @Test
    void easterIsComputedForKnownYears() {
        assertThat(LegalCalendar.easterSunday(2017)).isEqualTo(LocalDate.of(2017, 4, 16));
        assertThat(LegalCalendar.easterSunday(2018)).isEqualTo(LocalDate.of(2018, 4, 1));
        assertThat(LegalCalendar.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(LegalCalendar.easterSunday(2020)).isEqualTo(LocalDate.of(2020, 4, 12));
        assertThat(LegalCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(LegalCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(LegalCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(LegalCalendar.easterMonday(2018)).isEqualTo(LocalDate.of(2018, 4, 2));
    }

    @Test
    void aTermEndingOnEasterMondayMovesToTuesday() {
        assertThat(LegalCalendar.isWorkingDay(LocalDate.of(2018, 4, 2))).isFalse();
        assertThat(LegalCalendar.nextWorkingDayFrom(LocalDate.of(2018, 4, 1))).isEqualTo(LocalDate.of(2018, 4, 3));
        assertThat(LegalCalendar.nextWorkingDayFrom(LocalDate.of(2018, 4, 2))).isEqualTo(LocalDate.of(2018, 4, 3));
    }

    @Test
    void sundaysAndNationalHolidaysAreNotWorkingDaysSaturdaysAre() {
        assertThat(LegalCalendar.isWorkingDay(LocalDate.of(2017, 12, 23))).isTrue(); // Saturday
        assertThat(LegalCalendar.isWorkingDay(LocalDate.of(2017, 12, 24))).isFalse(); // Sunday
        assertThat(LegalCalendar.nextWorkingDayFrom(LocalDate.of(2017, 12, 24))).isEqualTo(LocalDate.of(2017, 12, 27));
        assertThat(LegalCalendar.nextWorkingDayFrom(LocalDate.of(2017, 12, 22))).isEqualTo(LocalDate.of(2017, 12, 22));
        assertThat(LegalCalendar.isNationalHoliday(LocalDate.of(2020, 6, 2))).isTrue();
        assertThat(LegalCalendar.isNationalHoliday(LocalDate.of(2020, 6, 3))).isFalse();
        assertThat(LegalCalendar.isNationalHoliday(LocalDate.of(2025, 10, 4))).isFalse();
        assertThat(LegalCalendar.isNationalHoliday(LocalDate.of(2026, 10, 4))).isTrue();
        assertThat(LegalCalendar.nationalHolidays(2018)).hasSize(12).first().isEqualTo(LocalDate.of(2018, 1, 1));
    }
}
