package it.ricolloca.accounts.web;

import org.springframework.security.core.context.SecurityContextHolder;
import jakarta.servlet.http.HttpServletRequest;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.internal.ApiTokens;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.accounts.internal.UserAdministration.UserRejectedException;
import it.ricolloca.accounts.web.AccountForms.TokenForm;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every signed-in user manages for themself: their password and their API tokens. */
@Controller
class OwnAccountController {

    /** The password change form. */
    public record PasswordForm(@NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(max = 128) String newPassword, @NotBlank @Size(max = 128) String confirmPassword) {
    }

    private final UserAdministration users;
    private final ApiTokens tokens;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    OwnAccountController(UserAdministration users, ApiTokens tokens, CurrentUsers currentUsers, Messages messages) {
        this.users = users;
        this.tokens = tokens;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping(AccountRoutes.PASSWORD)
    String initPasswordForm(Model model) {
        model.addAttribute("errors", FormErrors.NONE);
        return "accounts/password";
    }

    @PostMapping(AccountRoutes.PASSWORD)
    String processPasswordForm(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletRequest request) {
        if (!result.hasErrors() && !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.confirm.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                var session = request.getSession(false);
                users.changeOwnPassword(currentUsers.require(), form.currentPassword(), form.newPassword(),
                        request.getRemoteAddr(), session == null ? null : session.getId());
                redirect.addFlashAttribute("flash", "password.changed");
                return "redirect:" + AccountRoutes.HOME;
            } catch (UserAdministration.PasswordGuessingException e) {
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                return "redirect:" + AccountRoutes.LOGIN + "?locked=" + e.waitMinutes();
            } catch (UserRejectedException e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("errors", FormErrors.of(result, messages));
        return "accounts/password";
    }

    @GetMapping(AccountRoutes.TOKENS)
    String tokens(Model model) {
        return tokensPage(model, TokenForm.EMPTY, FormErrors.NONE);
    }

    private String tokensPage(Model model, TokenForm form, FormErrors errors) {
        model.addAttribute("tokens", TokenRow.of(tokens.of(currentUsers.require().id())));
        model.addAttribute("tokenForm", form);
        model.addAttribute("tokenErrors", errors);
        return "accounts/tokens";
    }

    @PostMapping(AccountRoutes.TOKENS)
    String createToken(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser me = currentUsers.require();
        if (!result.hasErrors()) {
            try {
                redirect.addFlashAttribute("newToken", tokens.create(me.id(), form.name(), me.username()));
                redirect.addFlashAttribute("flash", "token.created");
                return "redirect:" + AccountRoutes.TOKENS;
            } catch (ApiTokens.InvalidNameException e) {
                result.rejectValue("name", e.messageKey());
            }
        }
        return tokensPage(model, form, FormErrors.of(result, messages));
    }

    @PostMapping(AccountRoutes.TOKEN_REVOKE)
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(currentUsers.require().id(), id);
        redirect.addFlashAttribute("flash", "token.revoked");
        return "redirect:" + AccountRoutes.TOKENS;
    }
}
