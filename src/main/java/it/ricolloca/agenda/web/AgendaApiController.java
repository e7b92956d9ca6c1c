package it.ricolloca.agenda.web;

import io.swagger.v3.oas.annotations.Operation;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Agenda.SlotView;
import it.ricolloca.agenda.AgendaRefusedException;
import it.ricolloca.agenda.AgendaRoutes;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.shared.web.ApiProblemResponses;
import it.ricolloca.shared.web.Dates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agenda through the API, with the rights of its pages: the free slots of an office (its CPI's staff
 * and the region), an appointment, and the acts on an appointment that the booking staff of its office
 * record (outcome, move to another slot, cancellation), each with the appointment's version. The first
 * appointment is booked from the pathway's queue ({@code /api/v1/pathways/queue/{requestId}}).
 */
@RestController
class AgendaApiController {

    /** The longest span of days one call lists. */
    static final int MAX_DAYS = 62;

    /** A slot of the office's agenda with the places still free. */
    record FreeSlot(OffsetDateTime start, OffsetDateTime end, int capacity, int free, String staff) {
    }

    /** An appointment as the API returns it. */
    record AppointmentDto(long id, long officeId, long workerId, Long requestId, String purpose, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String status, boolean fromAgenda, String contactNote, String pastJustification,
            String outcomeNote, Long movedToId, long version) {

        static AppointmentDto of(Appointment a) {
            return new AppointmentDto(a.getId(), a.getOfficeId(), a.getWorkerId(), a.getRequestId(), a.getPurpose().name(),
                    time(a.getStartsAt()), time(a.getEndsAt()), a.getStatus().name(), a.isFromAgenda(), a.getContactNote(),
                    a.getPastJustification(), a.getOutcomeNote(), a.getMovedToId(), a.getVersion());
        }

        private static OffsetDateTime time(Instant i) {
            return i == null ? null : i.atZone(Dates.ZONE).toOffsetDateTime();
        }
    }

    record ApiOutcome(@NotNull AppointmentStatus outcome, @Size(max = 2000) String note, @NotNull Long version) {
    }

    record ApiCancel(@NotBlank @Size(max = 2000) String reason, @NotNull Long version) {
    }

    /** The new start (ISO date-time with its offset), the reason, and for a past start its justification. */
    record ApiMove(@NotNull ZonedDateTime start, @NotBlank @Size(max = 2000) String reason,
            @Size(max = 2000) String pastJustification, @NotNull Long version) {
    }

    private final Agenda agenda;
    private final CurrentUsers currentUsers;

    AgendaApiController(Agenda agenda, CurrentUsers currentUsers) {
        this.agenda = agenda;
        this.currentUsers = currentUsers;
    }

    @AuditedRead(value = "AGENDA_WEEK_VIEWED", record = "Office", idVariable = "officeId")
    @GetMapping(AgendaRoutes.API_SLOTS)
    @Operation(summary = "Posti liberi dell'agenda di una sede tra due date (al massimo 62 giorni)")
    @ApiProblemResponses
    List<FreeSlot> slots(@PathVariable long officeId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        agenda.office(currentUsers.require(), officeId);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new AgendaRefusedException("agenda.api.span", MAX_DAYS);
        }
        return agenda.slots(officeId, from, to).stream().filter(s -> s.free() > 0).map(AgendaApiController::free).toList();
    }

    private static FreeSlot free(SlotView s) {
        return new FreeSlot(s.slot().start().toOffsetDateTime(), s.slot().end().toOffsetDateTime(), s.slot().capacity(),
                s.free(), s.slot().staff());
    }

    @AuditedRead(value = "APPOINTMENT_VIEWED", record = "Appointment")
    @GetMapping(AgendaRoutes.API_APPOINTMENT)
    @Operation(summary = "Un appuntamento")
    @ApiProblemResponses
    AppointmentDto appointment(@PathVariable long id) {
        return AppointmentDto.of(agenda.appointment(currentUsers.require(), id));
    }

    @PostMapping(AgendaRoutes.API_APPOINTMENT_OUTCOME)
    @Operation(summary = "Registra l'esito di un appuntamento (svolto, assenza giustificata o ingiustificata)")
    @ApiProblemResponses
    AppointmentDto outcome(@PathVariable long id, @Valid @RequestBody ApiOutcome body) {
        CurrentUser user = currentUsers.require();
        agenda.bookableAppointment(user, id);
        if (!body.outcome().isOutcome()) {
            throw new AgendaRefusedException("agenda.outcome.invalid");
        }
        agenda.recordOutcome(user, id, body.version(), body.outcome(), body.note());
        return AppointmentDto.of(agenda.appointment(user, id));
    }

    @PostMapping(AgendaRoutes.API_APPOINTMENT_CANCEL)
    @Operation(summary = "Annulla un appuntamento, con il motivo")
    @ApiProblemResponses
    AppointmentDto cancel(@PathVariable long id, @Valid @RequestBody ApiCancel body) {
        CurrentUser user = currentUsers.require();
        agenda.bookableAppointment(user, id);
        agenda.cancel(user, id, body.version(), body.reason().strip());
        return AppointmentDto.of(agenda.appointment(user, id));
    }

    @PostMapping(AgendaRoutes.API_APPOINTMENT_MOVE)
    @Operation(summary = "Sposta un appuntamento a un altro posto della stessa sede; risponde il nuovo appuntamento")
    @ApiProblemResponses
    AppointmentDto move(@PathVariable long id, @Valid @RequestBody ApiMove body) {
        CurrentUser user = currentUsers.require();
        agenda.bookableAppointment(user, id);
        Appointment moved = agenda.move(user, id, body.version(), body.start().withZoneSameInstant(Dates.ZONE),
                body.reason().strip(), body.pastJustification());
        return AppointmentDto.of(moved);
    }
}
