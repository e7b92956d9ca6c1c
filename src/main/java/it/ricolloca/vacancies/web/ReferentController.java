package it.ricolloca.vacancies.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.VacancyRoutes;
import it.ricolloca.vacancies.internal.Referents;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.vacancies.web.VacancyForms.Input;
import it.ricolloca.vacancies.web.VacancyForms.ReferentForm;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The vacancy referents: each CPI's (its own for a CPI, every CPI's for the region), named and ended. */
@Controller
class ReferentController {

    private final Referents referents;
    private final JobCentres centres;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    ReferentController(Referents referents, JobCentres centres, CurrentUsers currentUsers, Messages messages) {
        this.referents = referents;
        this.centres = centres;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry referentsMenuEntry() {
        return new MenuEntry(MenuArea.VACANCIES, 20, "nav.referents", VacancyRoutes.REFERENTS, Set.of("REGIONAL_ADMIN",
                "REGIONAL_VACANCY_MANAGER", "REGIONAL_ADR_SERVICE", "CPI_MASTER", "CPI_OPERATOR", "CPI_VACANCY_REFERENT"));
    }

    @GetMapping(VacancyRoutes.REFERENTS)
    String list(@RequestParam(required = false) String centre, Model model) {
        CurrentUser user = currentUsers.require();
        return page(model, user, referents.listedCentre(user, VacancyController.longOrNull(centre)), null, FormErrors.NONE);
    }

    private String page(Model model, CurrentUser user, Long chosen, Input input, FormErrors errors) {
        boolean canName = chosen != null && referents.canName(user, chosen);
        model.addAttribute("rows", referents.list(user, chosen));
        model.addAttribute("centres", user.isRegional() ? centres.all() : centres.all().stream()
                .filter(c -> c.id() == user.centreId()).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("canName", canName);
        model.addAttribute("candidates", canName ? referents.candidates(chosen) : List.of());
        model.addAttribute("form", input == null ? Input.NONE : input);
        model.addAttribute("errors", errors);
        return "vacancies/referents";
    }

    @PostMapping(VacancyRoutes.REFERENTS)
    String processNamingForm(@Valid @ModelAttribute("referentForm") ReferentForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        long centreId = form.centreId() == null ? -1 : form.centreId();
        referents.requireNaming(user, centreId);
        if (!result.hasErrors()) {
            // The form is a choice from the list the page offers: a refusal (someone named or left meanwhile) comes
            // back on the list as it now stands.
            try {
                referents.name(user, centreId, form.userId());
                redirect.addFlashAttribute("flash", "referent.named");
            } catch (DomainException e) {
                redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
            }
            return "redirect:" + VacancyRoutes.REFERENTS + "?centre=" + centreId;
        }
        return page(model, user, referents.listedCentre(user, centreId), Input.of(form, result),
                FormErrors.of(result, messages));
    }

    @PostMapping(VacancyRoutes.REFERENT_END)
    String end(@PathVariable long referentId, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        try {
            referents.end(user, referentId);
            redirect.addFlashAttribute("flash", "referent.ended");
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        }
        return "redirect:" + VacancyRoutes.REFERENTS;
    }
}
