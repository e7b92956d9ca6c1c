package it.ricolloca.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.TreeSet;

/**
 * The national calendar that legal terms and agendas follow: Sundays and the national holidays of
 * L. 260/1949 as amended (1 and 6 January, Easter Monday, 25 April, 1 May, 2 June, 15 August,
 * 1 November, 8 December, 25 and 26 December) and, from 2026, 4 October (Saint Francis of Assisi,
 * restored as a national holiday by the law of autumn 2025: to confirm with the regional agency). Easter is computed (Gregorian calendar, Meeus/Jones/Butcher). A local patron saint is
 * not national: each office adds its own in its agenda.
 */
public final class LegalCalendar {

    private static final List<MonthDay> FIXED = List.of(MonthDay.of(1, 1), MonthDay.of(1, 6), MonthDay.of(4, 25),
            MonthDay.of(5, 1), MonthDay.of(6, 2), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(12, 8),
            MonthDay.of(12, 25), MonthDay.of(12, 26));
    private static final MonthDay SAINT_FRANCIS = MonthDay.of(10, 4);
    private static final int SAINT_FRANCIS_FROM = 2026;

    private LegalCalendar() {
    }

    /** Easter Sunday of a Gregorian year. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** Easter Monday (Lunedì dell'Angelo), a national holiday. */
    public static LocalDate easterMonday(int year) {
        return easterSunday(year).plusDays(1);
    }

    /** A national holiday (not counting ordinary Sundays). */
    public static boolean isNationalHoliday(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        return FIXED.contains(md) || day.equals(easterMonday(day.getYear())) || day.equals(easterSunday(day.getYear()))
                || (md.equals(SAINT_FRANCIS) && day.getYear() >= SAINT_FRANCIS_FROM);
    }

    /** Neither a Sunday nor a national holiday (Saturday is a working day for administrative terms). */
    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SUNDAY && !isNationalHoliday(day);
    }

    /** The day itself when it is a working day, otherwise the next working day (art. 2963 c.c.). */
    public static LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The national holidays of a year, in order (Easter Sunday included). */
    public static List<LocalDate> nationalHolidays(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        FIXED.forEach(md -> days.add(md.atYear(year)));
        days.add(easterSunday(year));
        days.add(easterMonday(year));
        if (year >= SAINT_FRANCIS_FROM) {
            days.add(SAINT_FRANCIS.atYear(year));
        }
        return List.copyOf(days);
    }
}
