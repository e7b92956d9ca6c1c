package it.ricolloca.accounts.web;

import it.ricolloca.accounts.internal.SignInGuard;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAccount;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.accounts.internal.UserAdministration.UserRejectedException;
import it.ricolloca.accounts.web.AccountForms.PasswordResetForm;
import it.ricolloca.accounts.web.AccountForms.TokenForm;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Flash;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
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

/** User management: the regional administrator for everyone, a master user for their own CPI. */
@Controller
@PreAuthorize("hasAnyRole('REGIONAL_ADMIN', 'CPI_MASTER')")
class UserController {

    private final UserAdministration users;
    private final ApiTokens tokens;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Messages messages;
    private final SignInGuard guard;

    UserController(UserAdministration users, ApiTokens tokens, CurrentUsers currentUsers, JobCentres centres,
            Messages messages,
            SignInGuard guard) {
        this.guard = guard;
        this.users = users;
        this.tokens = tokens;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
    }

    @GetMapping(AccountRoutes.USERS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        String query = q == null ? "" : q.strip();
        var found = users.search(actor, query, PageView.safePage(page), PageView.DEFAULT_SIZE);
        var names = centres.names();
        var locked = guard.lockedAmong(found.getContent().stream().map(UserAccount::getUsername).toList());
        model.addAttribute("users", PageView.of(found, u -> UserRow.of(u, id -> names.getOrDefault(id, ""),
                locked.contains(u.getUsername())), query, AccountRoutes.USERS));
        return "accounts/users";
    }

    @GetMapping(AccountRoutes.USER)
    String show(@PathVariable long id, Model model) {
        return userPage(model, id, FormErrors.NONE, TokenForm.EMPTY, FormErrors.NONE);
    }

    private String userPage(Model model, long id, FormErrors passwordErrors, TokenForm token, FormErrors tokenErrors) {
        CurrentUser actor = currentUsers.require();
        UserAccount user = users.get(actor, id);
        model.addAttribute("user", UserRow.of(user, this::centreName, guard.isLockedSomewhere(user.getUsername())));
        // guessing spread over many sources: new sources get fewer attempts until then (ADR 0031)
        model.addAttribute("guardedUntil", guard.guardedUntil(user.getUsername()).map(Dates::format).orElse(null));
        model.addAttribute("tokens", actor.isAdmin() ? TokenRow.of(tokens.of(id)) : List.of());
        model.addAttribute("canTokens", actor.isAdmin());
        model.addAttribute("self", actor.id() == id);
        model.addAttribute("errors", passwordErrors);
        model.addAttribute("tokenForm", token);
        model.addAttribute("tokenErrors", tokenErrors);
        return "accounts/user";
    }

    @GetMapping(AccountRoutes.USER_NEW)
    String initCreateForm(Model model) {
        CurrentUser actor = currentUsers.require();
        return form(model, actor, UserForm.empty(actor.centreId()), FormErrors.NONE, null);
    }

    @PostMapping(AccountRoutes.USERS)
    String processCreateForm(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        if (form.username() == null || form.username().isBlank()) {
            result.rejectValue("username", "NotBlank");
        }
        if (form.password() == null || form.password().isBlank()) {
            result.rejectValue("password", "NotBlank");
        }
        if (!result.hasErrors()) {
            try {
                users.checkFiscalCode(form.fiscalCode(), null);
                UserAccount created = users.create(actor, form.username(), form.fullName(), form.email(),
                        form.centreId(), form.roleSet(), form.password());
                users.setFiscalCode(actor, created.getId(), form.fiscalCode());
                redirect.addFlashAttribute("flash", "user.created");
                return "redirect:" + AccountRoutes.user(created.getId());
            } catch (UserRejectedException e) {
                reject(result, e);
            }
        }
        return form(model, actor, withoutPassword(form), FormErrors.of(result, messages), null);
    }

    @GetMapping(AccountRoutes.USER_EDIT)
    String initUpdateForm(@PathVariable long id, Model model) {
        CurrentUser actor = currentUsers.require();
        return form(model, actor, UserForm.of(users.get(actor, id)), FormErrors.NONE, id);
    }

    @PostMapping(AccountRoutes.USER_EDIT)
    String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        UserAccount existing = users.get(actor, id);
        if (!result.hasErrors()) {
            try {
                users.setFiscalCode(actor, id, form.fiscalCode());
                users.update(actor, id, form.version() == null ? -1 : form.version(), form.fullName(), form.email(),
                        form.centreId(), form.roleSet());
                redirect.addFlashAttribute("flash", "user.updated");
                return "redirect:" + AccountRoutes.user(id);
            } catch (UserRejectedException e) {
                reject(result, e);
            }
        }
        UserForm shown = new UserForm(existing.getUsername(), form.fullName(), form.email(), form.fiscalCode(),
                form.centreId(),
                form.roles(), "", form.version());
        return form(model, actor, shown, FormErrors.of(result, messages), id);
    }

    @PostMapping(AccountRoutes.USER_ENABLE)
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "user.enabled", () -> users.setEnabled(currentUsers.require(), id, true));
    }

    @PostMapping(AccountRoutes.USER_DISABLE)
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "user.disabled", () -> users.setEnabled(currentUsers.require(), id, false));
    }

    @PostMapping(AccountRoutes.USER_UNLOCK)
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "user.unlocked", () -> users.unlock(currentUsers.require(), id));
    }

    @PostMapping(AccountRoutes.USER_PASSWORD)
    String resetPassword(@PathVariable long id, @Valid @ModelAttribute("resetForm") PasswordResetForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        if (!result.hasErrors()) {
            try {
                users.resetPassword(actor, id, form.password());
                redirect.addFlashAttribute("flash", "user.passwordReset");
                return "redirect:" + AccountRoutes.user(id);
            } catch (UserRejectedException e) {
                result.rejectValue("password", e.messageKey());
            }
        }
        // The password typed is not shown back.
        return userPage(model, id, FormErrors.of(result, messages), TokenForm.EMPTY, FormErrors.NONE);
    }

    @PostMapping(AccountRoutes.USER_TOKENS)
    @PreAuthorize("hasRole('REGIONAL_ADMIN')")
    String createToken(@PathVariable long id, @Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        users.get(actor, id);
        if (!result.hasErrors()) {
            try {
                redirect.addFlashAttribute("newToken", tokens.create(id, form.name(), actor.username()));
                redirect.addFlashAttribute("flash", "token.created");
                return "redirect:" + AccountRoutes.user(id);
            } catch (ApiTokens.InvalidNameException e) {
                result.rejectValue("name", e.messageKey());
            }
        }
        return userPage(model, id, FormErrors.NONE, form, FormErrors.of(result, messages));
    }

    @PostMapping(AccountRoutes.USER_TOKEN_REVOKE)
    @PreAuthorize("hasRole('REGIONAL_ADMIN')")
    String revokeToken(@PathVariable long id, @PathVariable long tokenId, RedirectAttributes redirect) {
        users.get(currentUsers.require(), id);
        tokens.revoke(id, tokenId);
        redirect.addFlashAttribute("flash", "token.revoked");
        return "redirect:" + AccountRoutes.user(id);
    }

    private String act(long id, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (UserRejectedException e) {
            Flash.error(redirect, e.messageKey());
        }
        return "redirect:" + AccountRoutes.user(id);
    }

    private String form(Model model, CurrentUser actor, UserForm form, FormErrors errors, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", id != null);
        model.addAttribute("action", id == null ? AccountRoutes.USERS : AccountRoutes.userEdit(id));
        model.addAttribute("admin", actor.isAdmin());
        model.addAttribute("centres", actor.isAdmin() ? centres.all() : List.<CentreSummary>of());
        model.addAttribute("assignableRoles", actor.isAdmin() ? Arrays.asList(Role.values())
                : UserAdministration.MASTER_ASSIGNABLE.stream().sorted().toList());
        return "accounts/user-form";
    }

    private static void reject(BindingResult result, UserRejectedException e) {
        if (e.field() == null) {
            result.reject(e.messageKey());
        } else {
            result.rejectValue(e.field(), e.messageKey());
        }
    }

    private static UserForm withoutPassword(UserForm f) {
        return new UserForm(f.username(), f.fullName(), f.email(), f.fiscalCode(), f.centreId(), f.roles(), "",
                f.version());
    }

    private String centreName(long id) {
        return centres.find(id).map(CentreSummary::name).orElse("");
    }
}
