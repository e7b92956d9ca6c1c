package it.ricolloca.vacancies.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.web.InterestViews.InterestPage;
import it.ricolloca.vacancies.VacancyRoutes;
import it.ricolloca.vacancies.internal.WorkerOffers;
import it.ricolloca.vacancies.internal.WorkerOffers.InterestRow;
import it.ricolloca.vacancies.web.VacancyForms.SetAsideForm;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An offer the worker marked as interesting, for the tutor of their pathway: propose the worker (the
 * proposal as from the matching) or set the interest aside with a reason the worker reads.
 */
@Controller
class InterestController {

    private final WorkerOffers offers;
    private final CurrentUsers currentUsers;
    private final Workers workers;
    private final Messages messages;

    InterestController(WorkerOffers offers, CurrentUsers currentUsers, Workers workers, Messages messages) {
        this.offers = offers;
        this.currentUsers = currentUsers;
        this.workers = workers;
        this.messages = messages;
    }

    @AuditedRead(value = "OFFER_INTEREST_VIEWED", record = "Vacancy")
    @GetMapping(VacancyRoutes.INTEREST)
    String show(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        InterestRow row = offers.interest(user, id);
        return page(model, user, row, new SetAsideForm(null, row.version()), FormErrors.NONE);
    }

    @PostMapping(VacancyRoutes.INTEREST_SET_ASIDE)
    String setAside(@PathVariable long id, @Valid @ModelAttribute("form") SetAsideForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        InterestRow row = offers.interest(user, id);
        ActGuard.require(offers.canDecide(user, row.pathwayId()), "referral");
        if (!result.hasErrors()) {
            try {
                offers.setAside(user, id, form.version(), form.reason());
                redirect.addFlashAttribute("flash", "interest.setAside.done");
                return "redirect:" + VacancyRoutes.interest(id);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        return page(model, user, row, form, FormErrors.of(result, messages));
    }

    private String page(Model model, CurrentUser user, InterestRow row, SetAsideForm form, FormErrors errors) {
        model.addAttribute("page", new InterestPage(row, workers.find(row.workerId()).map(WorkerSummary::listName)
                .orElse(""), offers.canDecide(user, row.pathwayId()), form, errors));
        return "vacancies/interest";
    }
}
