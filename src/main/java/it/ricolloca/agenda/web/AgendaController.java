package it.ricolloca.agenda.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Agenda.SlotView;
import it.ricolloca.agenda.AgendaRefusedException;
import it.ricolloca.agenda.AgendaRoutes;
import it.ricolloca.agenda.AgendaTemplate;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentMoves;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.agenda.MoveRequest;
import it.ricolloca.agenda.StartTimes;
import it.ricolloca.agenda.web.AgendaForms.AppointmentForm;
import it.ricolloca.agenda.web.AgendaForms.ClosureForm;
import it.ricolloca.agenda.web.AgendaForms.MoveDecisionForm;
import it.ricolloca.agenda.web.AgendaForms.PatronSaintForm;
import it.ricolloca.agenda.web.AgendaForms.EndTemplateForm;
import it.ricolloca.agenda.web.AgendaForms.TemplateForm;
import it.ricolloca.agenda.web.AgendaViews.AppointmentActs;
import it.ricolloca.agenda.web.AgendaViews.AppointmentView;
import it.ricolloca.agenda.web.AgendaViews.ClosureView;
import it.ricolloca.agenda.web.AgendaViews.DayView;
import it.ricolloca.agenda.web.AgendaViews.EndAttempt;
import it.ricolloca.agenda.web.AgendaViews.FirstAppointmentRow;
import it.ricolloca.agenda.web.AgendaViews.MoveRequestView;
import it.ricolloca.agenda.web.AgendaViews.PendingMoveView;
import it.ricolloca.agenda.web.AgendaViews.OfficeRow;
import it.ricolloca.agenda.web.AgendaViews.SlotRow;
import it.ricolloca.agenda.web.AgendaViews.TemplateView;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agenda pages: offices, a week of slots with their appointments, templates and closures
 * (managed by the CPI's master or an operator delegated for the agenda), an appointment with its
 * outcome, move and cancellation. A refused act shows its page again with what was typed and the
 * Italian reason on the field or the form.
 */
@Controller
class AgendaController {

    private final Agenda agenda;
    private final AppointmentMoves moves;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Workers workers;
    private final Messages messages;
    private final SmartValidator validator;

    AgendaController(Agenda agenda, AppointmentMoves moves, CurrentUsers currentUsers, JobCentres centres,
            Workers workers, Messages messages, Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
        this.agenda = agenda;
        this.moves = moves;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.workers = workers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry agendaMenuEntry() {
        return new MenuEntry(MenuArea.PATHWAYS, 40, "nav.agenda", AgendaRoutes.AGENDA, Set.of());
    }

    /**
     * The offices the user sees; with {@code first} (a day, as the home page's card links it), above them the
     * first appointments booked at those offices on that day and not yet recorded, earliest first.
     */
    @GetMapping(AgendaRoutes.AGENDA)
    String offices(@RequestParam(required = false) String first, Model model) {
        CurrentUser user = currentUsers.require();
        LocalDate today = Dates.today();
        Set<Long> published = agenda.officesWithAgendaOn(today);
        List<OfficeSummary> visible = centres.offices().stream().filter(o -> user.canSeeCentre(o.centreId())).toList();
        List<OfficeRow> rows = visible.stream().map(o -> new OfficeRow(o, published.contains(o.id()))).toList();
        model.addAttribute("offices", rows);
        LocalDate day = FormValues.date(first).orElse(null);
        model.addAttribute("firstDay", day);
        if (day != null) {
            Map<Long, String> labels = new HashMap<>();
            visible.forEach(o -> labels.put(o.id(), o.label()));
            List<Appointment> firsts = agenda.firstAppointmentsOn(labels.keySet(), day);
            Map<Long, String> names = names(user, firsts);
            model.addAttribute("first", firsts.stream().map(a -> new FirstAppointmentRow(a.getId(), a.getStartsAt(),
                    labels.get(a.getOfficeId()), names.get(a.getWorkerId()))).toList());
        } else {
            model.addAttribute("first", List.of());
        }
        return "agenda/offices";
    }

    @AuditedRead(value = "AGENDA_WEEK_VIEWED", record = "Office", idVariable = "officeId")
    @GetMapping(AgendaRoutes.OFFICE)
    String week(@PathVariable long officeId, @RequestParam(required = false) String week, Model model) {
        CurrentUser user = currentUsers.require();
        OfficeSummary office = agenda.office(user, officeId);
        LocalDate monday = FormValues.date(week).orElse(Dates.today()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<SlotView> slots = agenda.slots(officeId, monday, monday.plusDays(6));
        List<Appointment> all = agenda.appointmentsAt(officeId, monday, monday.plusDays(6));
        List<DayView> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            days.add(new DayView(d, slots.stream().filter(s -> s.slot().start().toLocalDate().equals(d))
                    .map(s -> new SlotRow(s.slot(), s.free(), s.appointments().stream().map(AppointmentView::of).toList()))
                    .toList(),
                    all.stream().filter(a -> !a.isFromAgenda() && a.getStartsAt().atZone(Dates.ZONE).toLocalDate().equals(d))
                            .map(AppointmentView::of).toList()));
        }
        model.addAttribute("office", office);
        model.addAttribute("monday", monday);
        model.addAttribute("days", days);
        model.addAttribute("names", names(user, all));
        model.addAttribute("canManage", agenda.canManage(user, office));
        return "agenda/week";
    }

    // ---- templates ----

    @GetMapping(AgendaRoutes.TEMPLATES)
    String templates(@PathVariable long officeId, Model model) {
        CurrentUser user = currentUsers.require();
        OfficeSummary office = agenda.office(user, officeId);
        return templatesPage(model, user, office, TemplateForm.empty(Dates.today().plusDays(1)), FormErrors.NONE,
                Map.of(), EndAttempt.NONE);
    }

    @PostMapping(AgendaRoutes.TEMPLATES)
    String addTemplate(@PathVariable long officeId, @Valid @ModelAttribute("form") TemplateForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        OfficeSummary office = agenda.managedOffice(user, officeId);
        if (result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            // A value that could not be read skips the constraints: check the rest too, so every error shows at once.
            validator.validate(form, result);
        }
        form.checkRows(result);
        if (!result.hasErrors()) {
            try {
                agenda.addTemplate(user, officeId, form.name().strip(), form.kind(), form.validFrom(), form.validTo(),
                        form.rules());
                redirect.addFlashAttribute("flash", "agenda.template.added");
                return "redirect:" + AgendaRoutes.templates(officeId);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return templatesPage(model, user, office, form.padded(), FormErrors.of(result, messages),
                FormValues.typed(result), EndAttempt.NONE);
    }

    @PostMapping(AgendaRoutes.TEMPLATE_END)
    String endTemplate(@PathVariable long templateId, @Valid @ModelAttribute("endForm") EndTemplateForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        AgendaTemplate template = agenda.managedTemplate(user, templateId);
        if (!result.hasErrors()) {
            try {
                agenda.endTemplate(user, templateId, form.version(), form.from());
                redirect.addFlashAttribute("flash", "agenda.template.ended");
                return "redirect:" + AgendaRoutes.templates(template.getOfficeId());
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        OfficeSummary office = agenda.office(user, template.getOfficeId());
        return templatesPage(model, user, office, TemplateForm.empty(Dates.today().plusDays(1)), FormErrors.NONE,
                Map.of(), new EndAttempt(templateId, form, FormErrors.of(result, messages)));
    }

    private String templatesPage(Model model, CurrentUser user, OfficeSummary office, TemplateForm form,
            FormErrors errors, Map<String, String> typed, EndAttempt end) {
        LocalDate today = Dates.today();
        model.addAttribute("office", office);
        model.addAttribute("templates", agenda.templates(office.id()).stream().map(t -> TemplateView.of(t, today)).toList());
        model.addAttribute("canManage", agenda.canManage(user, office));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("end", end);
        model.addAttribute("today", today);
        return "agenda/templates";
    }

    // ---- closures ----

    @GetMapping(AgendaRoutes.CLOSURES)
    String closures(@PathVariable long officeId, Model model) {
        CurrentUser user = currentUsers.require();
        return closuresPage(model, user, agenda.office(user, officeId), ClosureForm.EMPTY, FormErrors.NONE,
                PatronSaintForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping(AgendaRoutes.CLOSURES)
    String addClosure(@PathVariable long officeId, @Valid @ModelAttribute("form") ClosureForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        OfficeSummary office = agenda.managedOffice(user, officeId);
        if (!result.hasErrors()) {
            try {
                agenda.addClosure(user, officeId, form.from(), form.until(), form.reason().strip());
                redirect.addFlashAttribute("flash", "agenda.closure.added");
                return "redirect:" + AgendaRoutes.closures(officeId);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return closuresPage(model, user, office, form, FormErrors.of(result, messages), PatronSaintForm.EMPTY,
                FormErrors.NONE);
    }

    /** Records the office's patron saint: closed every year on that day (national holidays are closed anyway). */
    @PostMapping(AgendaRoutes.PATRON_SAINT)
    String setPatronSaint(@PathVariable long officeId, @Valid @ModelAttribute("patronForm") PatronSaintForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        OfficeSummary office = agenda.managedOffice(user, officeId);
        if (!result.hasErrors()) {
            try {
                agenda.setPatronSaint(user, officeId, form.saint(), form.month(), form.day());
                redirect.addFlashAttribute("flash", "agenda.patron.saved");
                return "redirect:" + AgendaRoutes.closures(officeId);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return closuresPage(model, user, office, ClosureForm.EMPTY, FormErrors.NONE, form, FormErrors.of(result, messages));
    }

    @PostMapping(AgendaRoutes.PATRON_SAINT_REMOVE)
    String removePatronSaint(@PathVariable long officeId, RedirectAttributes redirect) {
        try {
            agenda.removePatronSaint(currentUsers.require(), officeId);
            redirect.addFlashAttribute("flash", "agenda.patron.removed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        }
        return "redirect:" + AgendaRoutes.closures(officeId);
    }

    private String closuresPage(Model model, CurrentUser user, OfficeSummary office, ClosureForm form, FormErrors errors,
            PatronSaintForm patronForm, FormErrors patronErrors) {
        model.addAttribute("office", office);
        model.addAttribute("closures", agenda.closures(office.id()).stream().map(ClosureView::of).toList());
        model.addAttribute("canManage", agenda.canManage(user, office));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("patronSaint", agenda.patronSaint(office.id()).orElse(null));
        model.addAttribute("patronForm", patronForm);
        model.addAttribute("patronErrors", patronErrors);
        return "agenda/closures";
    }

    @PostMapping(AgendaRoutes.CLOSURE_REMOVE)
    String removeClosure(@PathVariable long closureId, RedirectAttributes redirect) {
        long officeId = agenda.removeClosure(currentUsers.require(), closureId);
        redirect.addFlashAttribute("flash", "agenda.closure.removed");
        return "redirect:" + AgendaRoutes.closures(officeId);
    }

    // ---- appointments ----

    @AuditedRead(value = "APPOINTMENT_VIEWED", record = "Appointment")
    @GetMapping(AgendaRoutes.APPOINTMENT)
    String appointment(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Appointment a = agenda.appointment(user, id);
        return appointmentPage(model, user, a, new AppointmentActs(null, AppointmentForm.empty(a.getVersion()),
                FormErrors.NONE));
    }

    /**
     * Records an outcome, moves or cancels: each act validates its own fields (one route for the
     * three, so the constraints are chosen by the act); a refused act shows the page again with
     * that form open and what was typed.
     */
    @PostMapping(AgendaRoutes.APPOINTMENT_ACT)
    String act(@PathVariable long id, @PathVariable String act, @ModelAttribute("form") AppointmentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Appointment appointment = agenda.bookableAppointment(user, id);
        validator.validate(form, result, AgendaForms.groupsOf(act));
        if ("outcome".equals(act) && form.outcome() != null && !form.outcome().isOutcome()) {
            AgendaForms.reject(result, "outcome", "agenda.outcome.invalid");
        }
        ZonedDateTime start = "move".equals(act) && !result.hasFieldErrors("start") ? start(form.start(), result) : null;
        if (!result.hasErrors()) {
            try {
                long target = switch (act) {
                    case "outcome" -> {
                        agenda.recordOutcome(user, id, form.version(), form.outcome(), form.reason());
                        yield id;
                    }
                    case "cancel" -> {
                        agenda.cancel(user, id, form.version(), form.reason());
                        yield id;
                    }
                    default -> agenda.move(user, id, form.version(), start, form.reason(), form.justification()).getId();
                };
                redirect.addFlashAttribute("flash", "agenda.appointment.done." + act);
                return "redirect:" + AgendaRoutes.appointment(target);
            } catch (DomainException e) {
                result.reject(e.messageKey(), statusArgs(e.args()), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        return appointmentPage(model, user, agenda.appointment(user, id),
                new AppointmentActs(act, form, FormErrors.of(result, messages)));
    }

    // ---- the workers' requests to move an appointment ----

    /** The pending requests at the offices of the user's CPI, the oldest first. */
    @GetMapping(AgendaRoutes.MOVE_REQUESTS)
    String moveRequests(Model model) {
        CurrentUser user = currentUsers.require();
        ActGuard.require(user.centreId() != null && user.readsCaseFiles(), "booking");
        List<AppointmentMoves.Pending> pending = moves.pendingAt(centres.officeIdsOf(user.centreId()));
        Map<Long, String> names = names(user, pending.stream().map(AppointmentMoves.Pending::appointment).toList());
        model.addAttribute("requests", pending.stream().map(p -> new PendingMoveView(p.appointment().getId(),
                names.getOrDefault(p.appointment().getWorkerId(), ""), p.office() == null ? "" : p.office().label(),
                p.appointment().getStartsAt(), p.request().getRequestedAt(), p.request().getReason())).toList());
        return "agenda/move-requests";
    }

    /** Approves a request by moving the appointment to the free slot chosen, or refuses it with a reason. */
    @PostMapping(AgendaRoutes.MOVE_REQUEST_ACT)
    String decideMove(@PathVariable long id, @PathVariable String act, @Valid @ModelAttribute("form") MoveDecisionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        MoveRequest request = moves.request(user, id);
        agenda.bookableAppointment(user, request.getAppointmentId());
        ZonedDateTime start = null;
        if ("approve".equals(act)) {
            if (form.start() == null || form.start().isBlank()) {
                AgendaForms.reject(result, "start", "agenda.move.slot.required");
            } else {
                start = start(form.start(), result);
            }
        } else if (form.reason() == null || form.reason().isBlank()) {
            AgendaForms.reject(result, "reason", "agenda.reason.required");
        }
        if (!result.hasErrors()) {
            try {
                long target = request.getAppointmentId();
                if ("approve".equals(act)) {
                    target = moves.approve(user, id, form.version(), start).getId();
                } else {
                    moves.refuse(user, id, form.version(), form.reason());
                }
                redirect.addFlashAttribute("flash", "agenda.moveRequest.done." + act);
                return "redirect:" + AgendaRoutes.appointment(target);
            } catch (DomainException e) {
                result.reject(e.messageKey(), statusArgs(e.args()), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        Appointment a = agenda.appointment(user, request.getAppointmentId());
        model.addAttribute("moveRequest", MoveRequestView.of(request, act, form, FormErrors.of(result, messages)));
        return appointmentPage(model, user, a, new AppointmentActs(null, AppointmentForm.empty(a.getVersion()),
                FormErrors.NONE));
    }

    private String appointmentPage(Model model, CurrentUser user, Appointment a, AppointmentActs acts) {
        if (!model.containsAttribute("moveRequest")) {
            model.addAttribute("moveRequest", moves.ofAppointment(a.getId())
                    .map(r -> MoveRequestView.of(r, null, null, FormErrors.NONE)).orElse(null));
        }
        OfficeSummary office = agenda.office(user, a.getOfficeId());
        LocalDate today = Dates.today();
        model.addAttribute("appointment", AppointmentView.of(a));
        model.addAttribute("office", office);
        model.addAttribute("worker", names(user, List.of(a)).getOrDefault(a.getWorkerId(), ""));
        model.addAttribute("canBook", agenda.canBook(user, office));
        model.addAttribute("freeSlots", a.isFromAgenda() ? agenda.slots(office.id(), today, today.plusDays(28)).stream()
                .filter(s -> s.free() > 0).map(s -> s.slot().start()).filter(s -> s.toInstant().isAfter(Instant.now()))
                .toList() : List.<ZonedDateTime>of());
        model.addAttribute("started", !a.getStartsAt().isAfter(Instant.now()));
        model.addAttribute("acts", acts);
        return "agenda/appointment";
    }

    private static ZonedDateTime start(String text, BindingResult result) {
        try {
            return StartTimes.parse(text);
        } catch (AgendaRefusedException e) {
            AgendaForms.reject(result, "start", e.messageKey());
            return null;
        }
    }

    private Object[] statusArgs(Object[] args) {
        Object[] out = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof AppointmentStatus s) {
                out[i] = messages.t(s.labelKey());
            }
        }
        return out;
    }

    /** Who each appointment is with; a user who reads no case files (a vacancy referent) sees only that the slot is taken. */
    private Map<Long, String> names(CurrentUser user, List<Appointment> appointments) {
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = appointments.stream().map(Appointment::getWorkerId).distinct().toList();
        if (!user.readsCaseFiles()) {
            ids.forEach(id -> names.put(id, messages.t("agenda.slot.taken")));
            return names;
        }
        workers.summaries(ids).forEach((id, s) -> names.put(id, s.listName() + " (" + s.taxCode() + ")"));
        return names;
    }


}
