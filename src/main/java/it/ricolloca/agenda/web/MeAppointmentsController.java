package it.ricolloca.agenda.web;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.agenda.AppointmentMoves;
import it.ricolloca.agenda.MoveRequest;
import it.ricolloca.agenda.web.AgendaForms.MoveAskForm;
import it.ricolloca.agenda.web.MeAppointmentViews.Item;
import it.ricolloca.agenda.web.MeAppointmentViews.Page;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.shared.web.Messages;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worker's appointments from their own pages: the list, the calendar file of each, and the request to
 * move one within the rule the page states; the outcome of a request (approved with the new time, or refused
 * with the reason) shows on the appointment. Any id not of the worker's is not found.
 */
@Controller
class MeAppointmentsController {

    private final AppointmentMoves moves;
    private final Messages messages;

    MeAppointmentsController(AppointmentMoves moves, Messages messages) {
        this.moves = moves;
        this.messages = messages;
    }

    @GetMapping(MeRoutes.APPOINTMENTS)
    String list(Model model) {
        return page(model, worker(), null, null, FormErrors.NONE);
    }

    @GetMapping(MeRoutes.APPOINTMENT_ICS)
    ResponseEntity<byte[]> ics(@PathVariable long id) {
        byte[] ics = moves.ics(worker().workerId(), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("appuntamento-" + id + ".ics").build().toString())
                .body(ics);
    }

    @PostMapping(MeRoutes.APPOINTMENT_MOVE)
    String ask(@PathVariable long id, @Valid @ModelAttribute("form") MoveAskForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        WorkerPrincipal w = worker();
        moves.ofWorker(w.workerId(), id);
        if (!result.hasErrors()) {
            try {
                moves.ask(w.workerId(), w.getName(), id, form.reason());
                redirect.addFlashAttribute("flash", "me.appointments.asked");
                return "redirect:" + MeRoutes.APPOINTMENTS;
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return page(model, w, id, form.reason(), FormErrors.of(result, messages));
    }

    private String page(Model model, WorkerPrincipal w, Long failed, String reason, FormErrors errors) {
        Instant now = Instant.now();
        model.addAttribute("page", new Page(moves.ofWorker(w.workerId()).stream()
                .map(a -> Item.of(a, now, failed, reason, errors)).toList(), MoveRequest.NOTICE_HOURS));
        return "me/appointments";
    }

    private static WorkerPrincipal worker() {
        return WorkerPrincipal.current().orElseThrow(NotFoundException::new);
    }
}
