package it.ricolloca.agenda.web;

import it.ricolloca.audit.AuditedRead;
import static it.ricolloca.shared.web.FormValues.at;

import it.ricolloca.agenda.web.AgendaViews.DayView;
import it.ricolloca.agenda.web.AgendaViews.OfficeRow;
import it.ricolloca.agenda.web.AgendaViews.RuleRow;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.Agenda.SlotView;
import it.ricolloca.agenda.AgendaRefusedException;
import it.ricolloca.agenda.AgendaRoutes;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.agenda.TemplateKind;
import it.ricolloca.agenda.TemplateRule;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agenda pages: offices, a week of slots with their appointments, templates and closures
 * (managed by the CPI's master or an operator delegated for the agenda), an appointment with its
 * outcome, move and cancellation. A refused act comes back to its page with the Italian reason.
 */
@Controller
class AgendaController {

    static final int MAX_RULES = 6;

    private final Agenda agenda;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Workers workers;
    private final Messages messages;

    AgendaController(Agenda agenda, CurrentUsers currentUsers, JobCentres centres, Workers workers, Messages messages) {
        this.agenda = agenda;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.workers = workers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry agendaMenuEntry() {
        return new MenuEntry(24, "nav.agenda", AgendaRoutes.AGENDA, Set.of());
    }

    @GetMapping(AgendaRoutes.AGENDA)
    String offices(Model model) {
        CurrentUser user = currentUsers.require();
        LocalDate today = Dates.today();
        java.util.Set<Long> published = agenda.officesWithAgendaOn(today);
        List<OfficeRow> rows = centres.offices().stream().filter(o -> user.canSeeCentre(o.centreId()))
                .map(o -> new OfficeRow(o, published.contains(o.id()))).toList();
        model.addAttribute("offices", rows);
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
            days.add(new DayView(d, slots.stream().filter(s -> s.slot().start().toLocalDate().equals(d)).toList(),
                    all.stream().filter(a -> !a.isFromAgenda() && a.getStartsAt().atZone(Dates.ZONE).toLocalDate().equals(d))
                            .toList()));
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
        return templatesPage(model, user, office, new String[0], new String[0], new String[0], new String[0],
                new String[0], new String[0], "", "WEEKLY", Dates.today().plusDays(1).toString(), "");
    }

    @PostMapping(AgendaRoutes.TEMPLATES)
    String addTemplate(@PathVariable long officeId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "WEEKLY") String kind, @RequestParam(defaultValue = "") String validFrom,
            @RequestParam(defaultValue = "") String validTo, @RequestParam(name = "day", required = false) String[] day,
            @RequestParam(name = "start", required = false) String[] start,
            @RequestParam(name = "end", required = false) String[] end,
            @RequestParam(name = "minutes", required = false) String[] minutes,
            @RequestParam(name = "capacity", required = false) String[] capacity,
            @RequestParam(name = "staff", required = false) String[] staff, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        OfficeSummary office = managed(user, officeId);
        String problem = null;
        try {
            if (name.isBlank() || name.length() > 200) {
                throw new AgendaRefusedException("agenda.template.nameRequired");
            }
            TemplateKind k = "SPECIAL".equals(kind) ? TemplateKind.SPECIAL : TemplateKind.WEEKLY;
            LocalDate from = FormValues.date(validFrom).orElseThrow(() -> new AgendaRefusedException("agenda.date.invalid"));
            LocalDate to = validTo.isBlank() ? null
                    : FormValues.date(validTo).orElseThrow(() -> new AgendaRefusedException("agenda.date.invalid"));
            List<TemplateRule> rules = rules(day, start, end, minutes, capacity, staff);
            agenda.addTemplate(user, officeId, name.strip(), k, from, to, rules);
            redirect.addFlashAttribute("flash", "agenda.template.added");
            return "redirect:" + AgendaRoutes.templates(officeId);
        } catch (AgendaRefusedException e) {
            problem = messages.t(e.messageKey(), e.args());
        }
        model.addAttribute("problem", problem);
        return templatesPage(model, user, office, day, start, end, minutes, capacity, staff, name, kind, validFrom, validTo);
    }

    @PostMapping(AgendaRoutes.TEMPLATE_END)
    String endTemplate(@PathVariable long templateId, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "-1") long version, @RequestParam long officeId, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        managed(user, agenda.template(user, templateId).getOfficeId());
        try {
            agenda.endTemplate(user, templateId, version,
                    FormValues.date(from).orElseThrow(() -> new AgendaRefusedException("agenda.date.invalid")));
            redirect.addFlashAttribute("flash", "agenda.template.ended");
        } catch (AgendaRefusedException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        }
        return "redirect:" + AgendaRoutes.templates(officeId);
    }

    private String templatesPage(Model model, CurrentUser user, OfficeSummary office, String[] day, String[] start,
            String[] end, String[] minutes, String[] capacity, String[] staff, String name, String kind, String validFrom,
            String validTo) {
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < MAX_RULES; i++) {
            rows.add(new RuleRow(i, at(day, i), at(start, i), at(end, i), at(minutes, i).isEmpty() && i == 0 ? "30"
                    : at(minutes, i), at(capacity, i).isEmpty() && i == 0 ? "1" : at(capacity, i), at(staff, i)));
        }
        model.addAttribute("office", office);
        model.addAttribute("templates", agenda.templates(office.id()));
        model.addAttribute("canManage", agenda.canManage(user, office));
        model.addAttribute("rows", rows);
        model.addAttribute("name", name);
        model.addAttribute("kind", kind);
        model.addAttribute("validFrom", validFrom);
        model.addAttribute("validTo", validTo);
        model.addAttribute("today", Dates.today());
        return "agenda/templates";
    }

    private static List<TemplateRule> rules(String[] day, String[] start, String[] end, String[] minutes, String[] capacity,
            String[] staff) {
        List<TemplateRule> rules = new ArrayList<>();
        for (int i = 0; i < MAX_RULES; i++) {
            if (at(day, i).isEmpty()) {
                continue;
            }
            try {
                rules.add(new TemplateRule(DayOfWeek.of(Integer.parseInt(at(day, i))), LocalTime.parse(at(start, i)),
                        LocalTime.parse(at(end, i)), Integer.parseInt(at(minutes, i)), Integer.parseInt(at(capacity, i)),
                        at(staff, i).length() > 100 ? at(staff, i).substring(0, 100) : at(staff, i)));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new AgendaRefusedException("agenda.rule.row", i + 1);
            } catch (AgendaRefusedException e) {
                throw new AgendaRefusedException("agenda.rule.row", i + 1);
            }
        }
        return rules;
    }

    // ---- closures ----

    @GetMapping(AgendaRoutes.CLOSURES)
    String closures(@PathVariable long officeId, Model model) {
        CurrentUser user = currentUsers.require();
        OfficeSummary office = agenda.office(user, officeId);
        model.addAttribute("office", office);
        model.addAttribute("closures", agenda.closures(officeId));
        model.addAttribute("canManage", agenda.canManage(user, office));
        return "agenda/closures";
    }

    @PostMapping(AgendaRoutes.CLOSURES)
    String addClosure(@PathVariable long officeId, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        managed(user, officeId);
        try {
            LocalDate f = FormValues.date(from).orElseThrow(() -> new AgendaRefusedException("agenda.date.invalid"));
            LocalDate t = to.isBlank() ? f : FormValues.date(to).orElseThrow(() -> new AgendaRefusedException("agenda.date.invalid"));
            if (reason.isBlank() || reason.length() > 200) {
                throw new AgendaRefusedException("agenda.reason.required");
            }
            agenda.addClosure(user, officeId, f, t, reason.strip());
            redirect.addFlashAttribute("flash", "agenda.closure.added");
        } catch (AgendaRefusedException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        }
        return "redirect:" + AgendaRoutes.closures(officeId);
    }

    @PostMapping(AgendaRoutes.CLOSURE_REMOVE)
    String removeClosure(@PathVariable long closureId, @RequestParam long officeId, RedirectAttributes redirect) {
        agenda.removeClosure(currentUsers.require(), closureId);
        redirect.addFlashAttribute("flash", "agenda.closure.removed");
        return "redirect:" + AgendaRoutes.closures(officeId);
    }

    // ---- appointments ----

    @AuditedRead(value = "APPOINTMENT_VIEWED", record = "Appointment")
    @GetMapping(AgendaRoutes.APPOINTMENT)
    String appointment(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Appointment a = agenda.appointment(user, id);
        OfficeSummary office = agenda.office(user, a.getOfficeId());
        LocalDate today = Dates.today();
        model.addAttribute("appointment", a);
        model.addAttribute("office", office);
        model.addAttribute("worker", names(user, List.of(a)).getOrDefault(a.getWorkerId(), ""));
        model.addAttribute("canBook", agenda.canBook(user, office));
        model.addAttribute("freeSlots", a.isFromAgenda() ? agenda.slots(office.id(), today, today.plusDays(28)).stream()
                .filter(s -> s.free() > 0).map(s -> s.slot().start()).toList() : List.<ZonedDateTime>of());
        model.addAttribute("started", !a.getStartsAt().isAfter(java.time.Instant.now()));
        return "agenda/appointment";
    }

    @PostMapping(AgendaRoutes.APPOINTMENT_ACT)
    String act(@PathVariable long id, @PathVariable String act, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String justification,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!agenda.canBook(user, agenda.office(user, agenda.appointment(user, id).getOfficeId()))) {
            throw new org.springframework.security.access.AccessDeniedException("booking");
        }
        long target = id;
        try {
            switch (act) {
                case "outcome" -> agenda.recordOutcome(user, id, version, outcomeOf(outcome), reason);
                case "cancel" -> agenda.cancel(user, id, version, reason);
                default -> target = agenda.move(user, id, version, it.ricolloca.agenda.StartTimes.parse(start), reason, justification).getId();
            }
            redirect.addFlashAttribute("flash", "agenda.appointment.done." + act);
        } catch (AgendaRefusedException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), statusArgs(e.args())));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("problem", messages.t("agenda.stale"));
        }
        return "redirect:" + AgendaRoutes.appointment(target);
    }

    private OfficeSummary managed(CurrentUser user, long officeId) {
        OfficeSummary office = agenda.office(user, officeId);
        if (!agenda.canManage(user, office)) {
            throw new org.springframework.security.access.AccessDeniedException("agenda");
        }
        return office;
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

    private static AppointmentStatus outcomeOf(String text) {
        try {
            AppointmentStatus s = AppointmentStatus.valueOf(text);
            if (s.isOutcome()) {
                return s;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw new AgendaRefusedException("agenda.outcome.invalid");
    }

    /** Who each appointment is with; a user who reads no case files (a vacancy referent) sees only that the slot is taken. */
    private Map<Long, String> names(CurrentUser user, List<Appointment> appointments) {
        Map<Long, String> names = new HashMap<>();
        for (Appointment a : appointments) {
            names.computeIfAbsent(a.getWorkerId(), w -> !user.readsCaseFiles() ? messages.t("agenda.slot.taken")
                    : workers.find(w).map(s -> s.listName() + " (" + s.taxCode() + ")").orElse(""));
        }
        return names;
    }


}
