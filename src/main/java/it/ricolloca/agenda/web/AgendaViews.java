package it.ricolloca.agenda.web;

import it.ricolloca.agenda.Agenda.SlotView;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.network.OfficeSummary;
import java.time.LocalDate;
import java.util.List;

/** What the agenda pages show, as the templates read it. */
public final class AgendaViews {

    private AgendaViews() {
    }

    /** An office and whether an agenda is in force today. */
    public record OfficeRow(OfficeSummary office, boolean published) {
    }

    /** A day of the week view: its slots and the appointments agreed outside the agenda. */
    public record DayView(LocalDate day, List<SlotView> slots, List<Appointment> outside) {
    }

    /** One row of the template form, as typed. */
    public record RuleRow(int index, String day, String start, String end, String minutes, String capacity, String staff) {
    }
}
