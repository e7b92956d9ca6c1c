package it.ricolloca.agenda;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.MonthDay;
import it.ricolloca.shared.LegalCalendar;

/**
 * The slots an office's templates and closures produce over a range of days. On each day the
 * special period in force replaces the weekly template (the newest one, when several apply); a
 * closure, a national holiday ({@link LegalCalendar}, Easter Monday computed) and the office's
 * annual closures (its patron saint) remove the day. Times are local to the office's zone: a slot whose start does not exist
 * on the day clocks go forward is skipped, and on the day they go back a local time that occurs
 * twice is taken at its first occurrence; lengths are local lengths.
 */
public final class SlotCalendar {

    private SlotCalendar() {
    }

    public static List<Slot> slots(List<AgendaTemplate> templates, List<Closure> closures, LocalDate from,
            LocalDate toInclusive, ZoneId zone) {
        return slots(templates, closures, Set.of(), from, toInclusive, zone);
    }

    /** As above, with the days closed every year at the office (its patron saint). */
    public static List<Slot> slots(List<AgendaTemplate> templates, List<Closure> closures, Set<MonthDay> annualClosures,
            LocalDate from, LocalDate toInclusive, ZoneId zone) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(toInclusive); day = day.plusDays(1)) {
            LocalDate d = day;
            if (closures.stream().anyMatch(c -> c.covers(d)) || LegalCalendar.isNationalHoliday(d)
                    || annualClosures.contains(MonthDay.from(d))) {
                continue;
            }
            Optional<AgendaTemplate> template = templateOn(templates, d);
            if (template.isEmpty()) {
                continue;
            }
            for (TemplateRule rule : template.get().getRules()) {
                if (rule.getDay() != d.getDayOfWeek()) {
                    continue;
                }
                LocalDateTime start = d.atTime(rule.getStart());
                LocalDateTime limit = d.atTime(rule.getEnd());
                while (!start.plusMinutes(rule.getSlotMinutes()).isAfter(limit)) {
                    LocalDateTime end = start.plusMinutes(rule.getSlotMinutes());
                    if (!zone.getRules().getValidOffsets(start).isEmpty()) {
                        slots.add(new Slot(ZonedDateTime.ofLocal(start, zone, null), ZonedDateTime.ofLocal(end, zone, null),
                                rule.getCapacity(), rule.getStaff()));
                    }
                    start = end;
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start));
        return slots;
    }

    /** The template in force on a day: a special period first, then the weekly template; the newest of each. */
    public static Optional<AgendaTemplate> templateOn(List<AgendaTemplate> templates, LocalDate day) {
        Comparator<AgendaTemplate> newest = Comparator.comparing(AgendaTemplate::getValidFrom)
                .thenComparing(t -> t.getId() == null ? Long.MAX_VALUE : t.getId());
        Optional<AgendaTemplate> special = templates.stream()
                .filter(t -> t.getKind() == TemplateKind.SPECIAL && t.appliesOn(day)).max(newest);
        return special.isPresent() ? special
                : templates.stream().filter(t -> t.getKind() == TemplateKind.WEEKLY && t.appliesOn(day)).max(newest);
    }
}
