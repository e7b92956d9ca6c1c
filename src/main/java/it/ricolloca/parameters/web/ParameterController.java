package it.ricolloca.parameters.web;

import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.ParameterRoutes;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.parameters.Parameters.ChangeRejectedException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user reads the rules in force; the regional administrator records new values. */
@Controller
class ParameterController {

    private final Parameters parameters;
    private final Messages messages;

    ParameterController(Parameters parameters, Messages messages) {
        this.parameters = parameters;
        this.messages = messages;
    }

    /** Everybody may read the parameters (where a deadline comes from); the menu leads there who may change them. */
    @Bean
    static MenuEntry parametersMenuEntry() {
        return new MenuEntry(MenuArea.ADMINISTRATION, 60, "nav.parameters", ParameterRoutes.PARAMETERS,
                Set.of("REGIONAL_ADMIN"));
    }

    @GetMapping(ParameterRoutes.PARAMETERS)
    String list(Model model) {
        model.addAttribute("today", Dates.format(Dates.today()));
        model.addAttribute("periods", parameters.allOn(Dates.today()));
        return "parameters/list";
    }

    @GetMapping(ParameterRoutes.PARAMETER)
    String show(@PathVariable String name, HttpServletRequest request, Model model) {
        Parameter p = parameter(name);
        List<Parameters.Period> history = parameters.history(p);
        ChangeForm form = new ChangeForm("", Dates.today().plusDays(1), "", history.isEmpty() ? 0L : history.get(0).id());
        return detail(model, p, form, FormErrors.NONE, request.isUserInRole("REGIONAL_ADMIN"));
    }

    @PostMapping(ParameterRoutes.PARAMETER)
    @PreAuthorize("hasRole('REGIONAL_ADMIN')")
    String change(@PathVariable String name, @Valid @ModelAttribute("form") ChangeForm form, BindingResult result,
            Authentication auth, Model model, RedirectAttributes redirect) {
        Parameter p = parameter(name);
        if (!result.hasErrors()) {
            try {
                parameters.change(auth.getName(), p, form.value(), form.validFrom(), form.legalSource(),
                        form.latestId() == null ? -1 : form.latestId());
                redirect.addFlashAttribute("flash", "parameter.changed");
                return "redirect:" + ParameterRoutes.PARAMETERS + "/" + p.name();
            } catch (ChangeRejectedException e) {
                if (e.field() == null) {
                    result.reject(e.messageKey(), e.args(), null);
                } else {
                    result.rejectValue(e.field(), e.messageKey(), e.args(), null);
                }
            }
        }
        return detail(model, p, form, FormErrors.of(result, messages), true);
    }

    private String detail(Model model, Parameter p, ChangeForm form, FormErrors errors, boolean canEdit) {
        model.addAttribute("parameter", p);
        model.addAttribute("history", parameters.history(p));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", canEdit);
        return "parameters/detail";
    }

    private static Parameter parameter(String name) {
        try {
            return Parameter.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
