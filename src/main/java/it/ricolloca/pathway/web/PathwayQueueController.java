package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.StartTimes;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayStart.QueueItem;
import it.ricolloca.pathway.web.PathwayForms.BookForm;
import it.ricolloca.pathway.web.PathwayForms.PastForm;
import it.ricolloca.pathway.web.PathwayViews.BookPage;
import it.ricolloca.pathway.web.PathwayViews.BookableSlot;
import it.ricolloca.pathway.web.PathwayViews.Typed;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue of released requests the provider CPI has to schedule, and the first appointment that starts a pathway. */
@Controller
class PathwayQueueController {

    /** The home page's filter: the requests no first appointment was ever booked for. */
    static final String UNSCHEDULED = "UNSCHEDULED";

    private static final String ALREADY_BOOKED = "pathway.first.alreadyBooked";

    private final PathwayStart start;
    private final Agenda agenda;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    PathwayQueueController(PathwayStart start, Agenda agenda, CurrentUsers currentUsers, Messages messages) {
        this.start = start;
        this.agenda = agenda;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry queueMenuEntry() {
        return new MenuEntry(MenuArea.PATHWAYS, 20, "nav.queue", PathwayRoutes.QUEUE, Role.caseFileRoleNames());
    }

    @AuditedRead(value = "PATHWAY_QUEUE_VIEWED", record = "VoucherRequest", idVariable = "")
    @GetMapping(PathwayRoutes.QUEUE)
    String queue(@RequestParam(required = false) String due, Model model) {
        boolean unscheduled = UNSCHEDULED.equals(due);
        model.addAttribute("items", start.queue(currentUsers.require(), unscheduled));
        model.addAttribute("unscheduled", unscheduled);
        return "pathway/queue";
    }

    @AuditedRead(value = "PATHWAY_QUEUE_ITEM_VIEWED", record = "VoucherRequest", idVariable = "requestId")
    @GetMapping(PathwayRoutes.QUEUE_BOOK)
    String initBookForm(@PathVariable long requestId, Model model) {
        return page(model, currentUsers.require(), requestId, new BookForm("", null, 60, "", ""), FormErrors.NONE,
                Typed.NONE, PastForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping(PathwayRoutes.QUEUE_BOOK)
    String processBookForm(@PathVariable long requestId, @Valid @ModelAttribute("form") BookForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        start.bookable(user, requestId);
        if (!result.hasErrors()) {
            try {
                long id = start.bookFirstAppointment(user, requestId, StartTimes.parse(form.start()),
                        form.byContact() ? (form.minutes() == null ? 60 : form.minutes()) : null, form.contactNote(),
                        form.justification());
                redirect.addFlashAttribute("flash", "pathway.first.booked");
                return "redirect:" + PathwayRoutes.pathway(id);
            } catch (DomainException e) {
                if (ALREADY_BOOKED.equals(e.messageKey()) || start.alreadyBooked(requestId)) {
                    // someone else took the request in charge meanwhile (whichever refusal the race
                    // met first): nothing on this form to correct
                    redirect.addFlashAttribute("problem", messages.t(ALREADY_BOOKED));
                    return "redirect:" + PathwayRoutes.QUEUE;
                }
                Refusals.reject(result, form, e);
            }
        }
        return page(model, user, requestId, form, FormErrors.of(result, messages), Typed.of(result), PastForm.EMPTY,
                FormErrors.NONE);
    }

    /** Records a first appointment that already took place, on its date, outside the agenda's slots. */
    @PostMapping(PathwayRoutes.QUEUE_PAST)
    String processPastForm(@PathVariable long requestId, @Valid @ModelAttribute("past") PastForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        start.bookable(user, requestId);
        if (!result.hasErrors()) {
            try {
                long id = start.recordPastFirstAppointment(user, requestId, form.onDate(), form.at(), form.minutes(),
                        form.outcome(), form.note());
                redirect.addFlashAttribute("flash", "pathway.first.recorded");
                return "redirect:" + PathwayRoutes.pathway(id);
            } catch (DomainException e) {
                if (DATE_REFUSALS.contains(e.messageKey())) {
                    Refusals.field(result, "onDate", form.onDate(), e.messageKey(), e.args());
                } else {
                    Refusals.reject(result, form, e);
                }
            }
        }
        return page(model, user, requestId, new BookForm("", null, 60, "", ""), FormErrors.NONE, Typed.NONE, form,
                FormErrors.of(result, messages));
    }

    private static final java.util.Set<String> DATE_REFUSALS = java.util.Set.of("pathway.date.beforeRelease",
            "agenda.past.future", "agenda.book.workerBusy");

    private String page(Model model, CurrentUser user, long requestId, BookForm form, FormErrors errors,
            Typed typed, PastForm past, FormErrors pastErrors) {
        QueueItem item = start.queued(user, requestId);
        LocalDate today = Dates.today();
        Instant now = Instant.now();
        List<Agenda.SlotView> slots = agenda.slots(item.office().id(), today.minusDays(7),
                today.plusDays(28));
        List<BookableSlot> free = slots.stream().filter(s -> s.free() > 0)
                .map(s -> new BookableSlot(s.slot().start(), s.slot().start().toInstant().isBefore(now)))
                .toList();
        boolean hasAgenda = agenda.hasAgendaOn(item.office().id(), today)
                || slots.stream().anyMatch(s -> !s.slot().start().toLocalDate().isBefore(today));
        ZonedDateTime defaultSlot = free.stream().filter(s -> !s.past()).map(BookableSlot::start).findFirst().orElse(null);
        model.addAttribute("page", new BookPage(item, start.canBook(user, item.office()), hasAgenda, free, defaultSlot,
                form, errors, typed, past, pastErrors));
        return "pathway/book";
    }
}
