package it.ricolloca.agenda.web;

import it.ricolloca.agenda.AgendaTemplate;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.agenda.Closure;
import it.ricolloca.agenda.MoveRequest;
import it.ricolloca.agenda.Slot;
import it.ricolloca.agenda.TemplateKind;
import it.ricolloca.agenda.TemplateRule;
import it.ricolloca.agenda.web.AgendaForms.AppointmentForm;
import it.ricolloca.agenda.web.AgendaForms.EndTemplateForm;
import it.ricolloca.agenda.web.AgendaForms.MoveDecisionForm;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.web.FormErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the agenda pages show, as the templates read it. */
public final class AgendaViews {

    private AgendaViews() {
    }

    /** An office and whether an agenda is in force today. */
    public record OfficeRow(OfficeSummary office, boolean published) {
    }

    /** A first appointment of the day's list: its page, when, where and whom. */
    public record FirstAppointmentRow(long id, java.time.Instant startsAt, String office, String worker) {
    }

    /** A day of the week view: its slots and the appointments agreed outside the agenda. */
    public record DayView(LocalDate day, List<SlotRow> slots, List<AppointmentView> outside) {
    }

    /** A slot of the week with its free places and the appointments that occupy it. */
    public record SlotRow(Slot slot, int free, List<AppointmentView> appointments) {
    }

    /** An appointment as the pages show it. */
    public record AppointmentView(long id, long officeId, long workerId, AppointmentPurpose purpose, Instant startsAt,
            Instant endsAt, AppointmentStatus status, boolean fromAgenda, String contactNote, String closingReason,
            String outcomeNote, Long movedToId, String pastJustification, String bookedBy, long version) {

        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.getId(), a.getOfficeId(), a.getWorkerId(), a.getPurpose(), a.getStartsAt(),
                    a.getEndsAt(), a.getStatus(), a.isFromAgenda(), a.getContactNote(), a.getClosingReason(),
                    a.getOutcomeNote(), a.getMovedToId(), a.getPastJustification(), a.getBookedBy(), a.getVersion());
        }
    }

    /** A template with its time ranges; {@code endable} when it is still in force after today. */
    public record TemplateView(long id, String name, TemplateKind kind, LocalDate validFrom, LocalDate validTo,
            List<TemplateRule> rules, long version, boolean endable) {

        static TemplateView of(AgendaTemplate t, LocalDate today) {
            return new TemplateView(t.getId(), t.getName(), t.getKind(), t.getValidFrom(), t.getValidTo(), t.getRules(),
                    t.getVersion(), t.endsAfter(today));
        }
    }

    /** A closure of an office. */
    public record ClosureView(long id, LocalDate from, LocalDate to, String reason, String createdBy) {

        static ClosureView of(Closure c) {
            return new ClosureView(c.getId(), c.getFrom(), c.getTo(), c.getReason(), c.getCreatedBy());
        }
    }

    /** The form ending a template that was refused: which template, what was typed and why (else none). */
    public record EndAttempt(Long templateId, EndTemplateForm form, FormErrors errors) {

        static final EndAttempt NONE = new EndAttempt(null, null, FormErrors.NONE);

        public boolean on(long id) {
            return templateId != null && templateId == id;
        }
    }

    /** The acts on an appointment: which one failed (else none), with what was typed and why. */
    public record AppointmentActs(String failed, AppointmentForm form, FormErrors errors) {

        public AppointmentForm formOf(String act) {
            return act.equals(failed) ? form : AppointmentForm.empty(form.version());
        }

        public FormErrors errorsOf(String act) {
            return act.equals(failed) ? errors : FormErrors.NONE;
        }
    }

    /** A worker's request to move the appointment, as the staff read and decide it. */
    public record MoveRequestView(long id, String reason, Instant requestedAt, MoveRequest.Status status,
            String refusalReason, Long newAppointmentId, long version, String failed, MoveDecisionForm form,
            FormErrors errors) {

        static MoveRequestView of(MoveRequest r, String failed, MoveDecisionForm form, FormErrors errors) {
            return new MoveRequestView(r.getId(), r.getReason(), r.getRequestedAt(), r.getStatus(), r.getRefusalReason(),
                    r.getNewAppointmentId(), r.getVersion(), failed, form, errors);
        }

        public boolean pending() {
            return status == MoveRequest.Status.PENDING;
        }

        public MoveDecisionForm formOf(String act) {
            return act.equals(failed) ? form : new MoveDecisionForm(null, null, version);
        }

        public FormErrors errorsOf(String act) {
            return act.equals(failed) ? errors : FormErrors.NONE;
        }
    }

    /** A pending request in the staff's list. */
    public record PendingMoveView(long appointmentId, String worker, String office, Instant startsAt, Instant requestedAt,
            String reason) {
    }
}
