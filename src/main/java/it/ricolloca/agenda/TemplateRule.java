package it.ricolloca.agenda;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One time range of a template: on a weekday, from start to end, slots of a length, each for so many workers, with whom. */
@Embeddable
public class TemplateRule {

    @Column(name = "day_of_week")
    private int dayOfWeek;

    @Column(name = "start_time")
    private LocalTime start;

    @Column(name = "end_time")
    private LocalTime end;

    @Column(name = "slot_minutes")
    private int slotMinutes;

    private int capacity;

    private String staff;

    protected TemplateRule() {
    }

    public TemplateRule(DayOfWeek day, LocalTime start, LocalTime end, int slotMinutes, int capacity, String staff) {
        if (!end.isAfter(start) || slotMinutes < 5 || slotMinutes > 480 || capacity < 1 || capacity > 100) {
            throw new AgendaRefusedException("agenda.rule.invalid");
        }
        this.dayOfWeek = day.getValue();
        this.start = start;
        this.end = end;
        this.slotMinutes = slotMinutes;
        this.capacity = capacity;
        this.staff = staff == null || staff.isBlank() ? null : staff.strip();
    }

    public DayOfWeek getDay() {
        return DayOfWeek.of(dayOfWeek);
    }

    public LocalTime getStart() {
        return start;
    }

    public LocalTime getEnd() {
        return end;
    }

    public int getSlotMinutes() {
        return slotMinutes;
    }

    public int getCapacity() {
        return capacity;
    }

    public String getStaff() {
        return staff;
    }
}
