package it.ricolloca.notifications.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.notifications.NoticeRoutes;
import it.ricolloca.notifications.internal.Notices;
import it.ricolloca.notifications.internal.PendingDeliveries;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notices: each user's inbox, the regional agency's sent notices with their receipts, and the form to send one. */
@Controller
class NoticeController {

    private final Notices notices;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Messages messages;
    private final PendingDeliveries pending;
    private final SpringValidatorAdapter validator;

    NoticeController(Notices notices, CurrentUsers currentUsers, JobCentres centres, Messages messages,
            PendingDeliveries pending, Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
        this.notices = notices;
        this.pending = pending;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
    }

    @Bean
    static MenuEntry noticesMenuEntry() {
        return new MenuEntry(MenuArea.PERSONAL, 10, "nav.notices", NoticeRoutes.NOTICES, Set.of());
    }

    @GetMapping(NoticeRoutes.NOTICES)
    String list(@RequestParam(required = false) String sent, @RequestParam(required = false) String unread,
            @RequestParam(required = false) String page, Model model) {
        CurrentUser user = currentUsers.require();
        Integer p = page == null || !page.matches("\\d{1,6}") ? null : Integer.valueOf(page);
        return listPage(model, user, "true".equals(sent), "true".equals(unread), p, NoticeForm.EMPTY, FormErrors.NONE);
    }

    private String listPage(Model model, CurrentUser user, boolean sent, Integer page, NoticeForm form, FormErrors errors) {
        return listPage(model, user, sent, false, page, form, errors);
    }

    private String listPage(Model model, CurrentUser user, boolean sent, boolean unread, Integer page, NoticeForm form,
            FormErrors errors) {
        boolean showSent = sent && notices.canSend(user);
        boolean onlyUnread = unread && !showSent;
        var found = notices.list(user, showSent, onlyUnread, PageView.safePage(page), PageView.DEFAULT_SIZE);
        model.addAttribute("notices", PageView.of(found, l -> l, showSent ? "sent=true" : "",
                onlyUnread ? NoticeRoutes.NOTICES + "?unread=true" : NoticeRoutes.NOTICES));
        model.addAttribute("showSent", showSent);
        model.addAttribute("onlyUnread", onlyUnread);
        model.addAttribute("canSend", notices.canSend(user));
        model.addAttribute("unread", notices.unread(user));
        model.addAttribute("centres", notices.canSend(user) ? centres.all() : List.<CentreSummary>of());
        model.addAttribute("roles", Notices.CPI_ROLES);
        model.addAttribute("pending", user.hasRole(Role.REGIONAL_ADMIN) ? pending.pending() : null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "notifications/notices";
    }

    /** Sends a notice; a refused one comes back on the page with what was typed and chosen. */
    @PostMapping(NoticeRoutes.NOTICES)
    String send(@Valid @ModelAttribute("noticeForm") NoticeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        notices.requireSender(user);
        if (form != null && result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            // A value that could not be read skips the constraints: check the rest too, so every error shows at once.
            validator.validate(form, result);
        }
        if (!result.hasErrors()) {
            Map<Long, String> names = centres.names();
            List<Long> centreIds = form.centres().stream().filter(names::containsKey).toList();
            List<Role> roles = form.roles().stream().filter(Notices.CPI_ROLES::contains).toList();
            String audience = (centreIds.isEmpty() ? messages.t("notice.audience.allCentres")
                    : String.join(", ", centreIds.stream().map(names::get).toList()))
                    + " · " + (roles.isEmpty() ? messages.t("notice.audience.allRoles")
                            : String.join(", ", roles.stream().map(r -> messages.t(r.labelKey())).toList()));
            try {
                long id = notices.send(user, form.title(), form.body(), centreIds, roles, audience);
                redirect.addFlashAttribute("flash", "notice.sent");
                return "redirect:" + NoticeRoutes.notice(id);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return listPage(model, user, false, null, form == null ? NoticeForm.EMPTY : form, FormErrors.of(result, messages));
    }

    @GetMapping(NoticeRoutes.NOTICE)
    String notice(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        model.addAttribute("notice", notices.open(user, id));
        model.addAttribute("receipts", notices.receipts(user, id));
        model.addAttribute("canSend", notices.canSend(user));
        return "notifications/notice";
    }
}
