package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.MachineClients;
import it.ricolloca.accounts.internal.MachineClients.MachineClientRejectedException;
import it.ricolloca.network.JobCentres;
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

/**
 * The machine clients' administration (ADR 0030): the regional administrator, who alone creates API tokens for
 * users, registers the systems that call the API with their own client-credentials tokens, and enables or
 * disables them.
 */
@Controller
@PreAuthorize("hasRole('REGIONAL_ADMIN')")
class MachineClientController {

    private final MachineClients clients;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Messages messages;

    MachineClientController(MachineClients clients, CurrentUsers currentUsers, JobCentres centres, Messages messages) {
        this.clients = clients;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
    }

    @GetMapping(AccountRoutes.MACHINE_CLIENTS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        String query = q == null ? "" : q.strip();
        var found = clients.search(currentUsers.require(), query, PageView.safePage(page), PageView.DEFAULT_SIZE);
        var names = centres.names();
        model.addAttribute("clients", PageView.of(found, c -> MachineClientRow.of(c, id -> names.getOrDefault(id, "")),
                query, AccountRoutes.MACHINE_CLIENTS));
        return "accounts/machine-clients";
    }

    @GetMapping(AccountRoutes.MACHINE_CLIENT_NEW)
    String initCreateForm(Model model) {
        return form(model, MachineClientForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping(AccountRoutes.MACHINE_CLIENTS)
    String processCreateForm(@Valid @ModelAttribute("machineClientForm") MachineClientForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        if (!result.hasErrors()) {
            try {
                var registered = clients.registerNew(actor, form.clientId(), form.name(), form.scopeSet(), form.role(),
                        form.centreId());
                redirect.addFlashAttribute("flash", "machineClient.registered.done");
                return "redirect:" + AccountRoutes.machineClient(registered.id());
            } catch (MachineClientRejectedException e) {
                if (e.field() == null) {
                    result.reject(e.messageKey());
                } else {
                    result.rejectValue(e.field(), e.messageKey());
                }
            }
        }
        return form(model, form, FormErrors.of(result, messages));
    }

    /** The client's page: what it is, and the confirmation to disable (or enable) it. */
    @GetMapping(AccountRoutes.MACHINE_CLIENT)
    String show(@PathVariable long id, Model model) {
        model.addAttribute("client", row(clients.get(currentUsers.require(), id)));
        return "accounts/machine-client";
    }

    @PostMapping(AccountRoutes.MACHINE_CLIENT_ENABLE)
    String enable(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return setEnabled(id, version, true, redirect);
    }

    @PostMapping(AccountRoutes.MACHINE_CLIENT_DISABLE)
    String disable(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return setEnabled(id, version, false, redirect);
    }

    private String setEnabled(long id, Long version, boolean enabled, RedirectAttributes redirect) {
        try {
            clients.setEnabled(currentUsers.require(), id, version == null ? -1 : version, enabled);
            redirect.addFlashAttribute("flash", enabled ? "machineClient.enabled" : "machineClient.disabled");
        } catch (MachineClientRejectedException e) {
            Flash.error(redirect, e.messageKey());
        }
        return "redirect:" + AccountRoutes.machineClient(id);
    }

    private String form(Model model, MachineClientForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scopes", MachineClients.SCOPE_ORDER);
        // A system never administers: every role but the regional administrator's.
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.REGIONAL_ADMIN).toList());
        model.addAttribute("centres", centres.all());
        return "accounts/machine-client-form";
    }

    private MachineClientRow row(MachineClients.Registration r) {
        var names = centres.names();
        return MachineClientRow.of(r, id -> names.getOrDefault(id, ""));
    }
}
