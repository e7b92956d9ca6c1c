package it.ricolloca.agenda.web;

import it.ricolloca.agenda.AppointmentMoves.WorkerAppointment;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.agenda.MoveRequest;
import it.ricolloca.shared.web.FormErrors;
import java.time.Instant;
import java.util.List;

/** What the worker's appointments page shows. */
public final class MeAppointmentViews {

    /** One appointment as the worker reads it, with their request to move it and whether they may ask now. */
    public record Item(long id, AppointmentPurpose purpose, Instant startsAt, Instant endsAt, String office,
            AppointmentStatus status, boolean movable, Instant deadline, MoveRequest.Status request, String requestReason,
            String refusalReason, boolean movedAtRequest, String formReason, FormErrors errors) {

        static Item of(WorkerAppointment w, Instant now, Long failed, String reason, FormErrors errors) {
            MoveRequest r = w.request();
            boolean mine = failed != null && failed == w.appointment().getId();
            return new Item(w.appointment().getId(), w.appointment().getPurpose(), w.appointment().getStartsAt(),
                    w.appointment().getEndsAt(), w.office() == null ? "" : w.office().label() + ", " + w.office().municipality(),
                    w.appointment().getStatus(), w.movable(now), w.deadline(), r == null ? null : r.getStatus(),
                    r == null ? null : r.getReason(), r == null ? null : r.getRefusalReason(), w.movedAtRequest(),
                    mine ? reason : "", mine ? errors : FormErrors.NONE);
        }
    }

    /** The page: the appointments, the latest first. */
    public record Page(List<Item> items, int noticeHours) {
    }

    private MeAppointmentViews() {
    }
}
