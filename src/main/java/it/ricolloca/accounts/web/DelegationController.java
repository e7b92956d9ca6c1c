package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.internal.Delegation;
import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.accounts.internal.DelegationAdministration.GrantRejectedException;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Flash;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import jakarta.validation.Valid;
import java.util.Arrays;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Delegations: masters grant and revoke within their CPI; the region reads them all. */
@Controller
class DelegationController {

    private static final String READERS = "hasAnyRole('REGIONAL_ADMIN', 'REGIONAL_ADR_SERVICE', 'CPI_MASTER')";
    private static final String GRANTORS = "hasAnyRole('REGIONAL_ADMIN', 'CPI_MASTER')";

    private final DelegationAdministration delegations;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Messages messages;

    DelegationController(DelegationAdministration delegations, CurrentUsers currentUsers, JobCentres centres,
            Messages messages) {
        this.delegations = delegations;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
    }

    @GetMapping(AccountRoutes.DELEGATIONS)
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Integer expiring,
            Model model) {
        CurrentUser actor = currentUsers.require();
        String query = q == null ? "" : q.strip();
        Integer within = expiring == null ? null : Math.max(0, Math.min(expiring, 366));
        var found = within != null
                ? delegations.expiring(actor, within, PageView.safePage(page), PageView.DEFAULT_SIZE)
                : delegations.search(actor, all, query, PageView.safePage(page), PageView.DEFAULT_SIZE);
        String base = within != null ? AccountRoutes.DELEGATIONS + "?expiring=" + within
                : all ? AccountRoutes.DELEGATIONS + "?all=true" : AccountRoutes.DELEGATIONS;
        model.addAttribute("expiring", within);
        var names = centres.names();
        model.addAttribute("delegations", PageView.of(found, d -> DelegationRow.of(d, id -> names.getOrDefault(id, "")),
                query, base));
        model.addAttribute("all", all);
        model.addAttribute("canGrant", DelegationAdministration.canGrant(actor));
        return "accounts/delegations";
    }

    @GetMapping(AccountRoutes.DELEGATION_NEW)
    @PreAuthorize(GRANTORS)
    String initGrantForm(Model model) {
        return form(model, new DelegationForm(null, null, Dates.today(), null), FormErrors.NONE);
    }

    @PostMapping(AccountRoutes.DELEGATIONS)
    @PreAuthorize(GRANTORS)
    String processGrantForm(@Valid @ModelAttribute("form") DelegationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                delegations.grant(currentUsers.require(), form.delegateId(), form.function(), form.startDate(),
                        form.endDate());
                redirect.addFlashAttribute("flash", "delegation.granted");
                return "redirect:" + AccountRoutes.DELEGATIONS;
            } catch (GrantRejectedException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        return form(model, form, FormErrors.of(result, messages));
    }

    @GetMapping(AccountRoutes.DELEGATION_REVOKE)
    @PreAuthorize(GRANTORS)
    String confirmRevoke(@PathVariable long id, Model model) {
        model.addAttribute("delegation", row(delegations.get(currentUsers.require(), id)));
        return "accounts/delegation-revoke";
    }

    @PostMapping(AccountRoutes.DELEGATION_REVOKE)
    @PreAuthorize(GRANTORS)
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            delegations.revoke(currentUsers.require(), id);
            redirect.addFlashAttribute("flash", "delegation.revoked");
        } catch (DomainException e) {
            Flash.error(redirect, e.messageKey());
        }
        return "redirect:" + AccountRoutes.DELEGATIONS;
    }

    private String form(Model model, DelegationForm form, FormErrors errors) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        var names = centres.names();
        model.addAttribute("candidates", delegations.candidates(actor).stream()
                .map(u -> UserRow.of(u, id -> names.getOrDefault(id, ""), false)).toList());
        model.addAttribute("functions", Arrays.asList(DelegatedFunction.values()));
        return "accounts/delegation-form";
    }

    private DelegationRow row(Delegation d) {
        return DelegationRow.of(d, this::centreName);
    }

    private String centreName(long id) {
        return centres.find(id).map(CentreSummary::name).orElse("");
    }
}
