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
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    NoticeController(Notices notices, CurrentUsers currentUsers, JobCentres centres, Messages messages,
            PendingDeliveries pending) {
        this.notices = notices;
        this.pending = pending;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
    }

    @Bean
    static MenuEntry noticesMenuEntry() {
        return new MenuEntry(8, "nav.notices", NoticeRoutes.NOTICES, Set.of());
    }

    @GetMapping(NoticeRoutes.NOTICES)
    String list(@RequestParam(required = false) String sent, @RequestParam(required = false) String page, Model model) {
        CurrentUser user = currentUsers.require();
        boolean showSent = "true".equals(sent) && notices.canSend(user);
        Integer p = page == null || !page.matches("\\d{1,6}") ? null : Integer.valueOf(page);
        var found = notices.list(user, showSent, PageView.safePage(p), PageView.DEFAULT_SIZE);
        model.addAttribute("notices", PageView.of(found, l -> l, showSent ? "sent=true" : "", NoticeRoutes.NOTICES));
        model.addAttribute("showSent", showSent);
        model.addAttribute("canSend", notices.canSend(user));
        model.addAttribute("unread", notices.unread(user));
        model.addAttribute("centres", notices.canSend(user) ? centres.all() : List.<CentreSummary>of());
        model.addAttribute("roles", Notices.CPI_ROLES);
        model.addAttribute("pending", user.hasRole(Role.REGIONAL_ADMIN) ? pending.pending() : null);
        return "notifications/notices";
    }

    @PostMapping(NoticeRoutes.NOTICES)
    String send(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) List<String> centre, @RequestParam(required = false) List<String> role,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!notices.canSend(user)) {
            throw new AccessDeniedException("notices");
        }
        List<Long> centreIds = new ArrayList<>();
        List<String> centreNames = new ArrayList<>();
        Map<Long, String> names = centres.names();
        for (String c : centre == null ? List.<String>of() : centre) {
            if (c.matches("\\d{1,18}") && names.containsKey(Long.valueOf(c))) {
                centreIds.add(Long.valueOf(c));
                centreNames.add(names.get(Long.valueOf(c)));
            }
        }
        List<Role> roles = new ArrayList<>();
        for (String r : role == null ? List.<String>of() : role) {
            Notices.CPI_ROLES.stream().filter(known -> known.name().equals(r)).findFirst().ifPresent(roles::add);
        }
        String audience = (centreNames.isEmpty() ? messages.t("notice.audience.allCentres") : String.join(", ", centreNames))
                + " · " + (roles.isEmpty() ? messages.t("notice.audience.allRoles")
                        : String.join(", ", roles.stream().map(r -> messages.t(r.labelKey())).toList()));
        try {
            long id = notices.send(user, title, body, centreIds, roles, audience);
            redirect.addFlashAttribute("flash", "notice.sent");
            return "redirect:" + NoticeRoutes.notice(id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
            // What was typed and chosen comes back; the lists as ",id,id," so the page can tick them.
            redirect.addFlashAttribute("form", Map.of("title", title.length() > 200 ? title.substring(0, 200) : title,
                    "body", body.length() > 8000 ? body.substring(0, 8000) : body,
                    "centres", "," + String.join(",", centreIds.stream().map(String::valueOf).toList()) + ",",
                    "roles", "," + String.join(",", roles.stream().map(Role::name).toList()) + ","));
            return "redirect:" + NoticeRoutes.NOTICES;
        }
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
