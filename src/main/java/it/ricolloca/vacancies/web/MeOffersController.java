package it.ricolloca.vacancies.web;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.vacancies.internal.WorkerOffers;
import it.ricolloca.vacancies.web.InterestViews.OffersPage;
import it.ricolloca.vacancies.web.VacancyForms.InterestForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The open offers of the board ranked for the worker, with the reasons of each score, from their own pages;
 * "mi interessa" sends an offer to the tutor of their pathway, who decides whether to propose them.
 */
@Controller
class MeOffersController {

    private static final int SIZE = 10;

    private final WorkerOffers offers;
    private final Messages messages;

    MeOffersController(WorkerOffers offers, Messages messages) {
        this.offers = offers;
        this.messages = messages;
    }

    @GetMapping(MeRoutes.OFFERS)
    String list(@RequestParam(required = false) Integer page, Model model) {
        return page(model, worker(), PageView.safePage(page), null);
    }

    @PostMapping(MeRoutes.OFFER_INTEREST)
    String interested(@PathVariable long id, @ModelAttribute("interest") InterestForm form, BindingResult unreadable,
            Model model, RedirectAttributes redirect) {
        // the page to go back to: a page number that does not read as one is the first page
        Integer page = unreadable.hasErrors() ? null : form.page();
        WorkerPrincipal w = worker();
        try {
            offers.interested(w.workerId(), w.getName(), id);
        } catch (DomainException e) {
            return page(model, w, PageView.safePage(page), messages.t(e.messageKey(), e.args()));
        }
        redirect.addFlashAttribute("flash", "me.offers.interested");
        return "redirect:" + MeRoutes.OFFERS + (page == null ? "" : "?page=" + PageView.safePage(page));
    }

    private String page(Model model, WorkerPrincipal w, int page, String problem) {
        model.addAttribute("page", new OffersPage(PageView.of(offers.ranked(w.workerId(), page, SIZE), o -> o, "",
                MeRoutes.OFFERS), offers.profileComplete(w.workerId()), offers.ofWorker(w.workerId()), problem));
        return "me/offers";
    }

    private static WorkerPrincipal worker() {
        return WorkerPrincipal.current().orElseThrow(NotFoundException::new);
    }
}
