package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.RegionalAgency;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.NavItem;
import it.ricolloca.shared.web.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every page its layout context: agency, user, menu by role, CSRF token and flash notice. */
@ControllerAdvice
class PageContextAdvice {

    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Messages messages;
    private final List<MenuEntry> menu;

    PageContextAdvice(CurrentUsers currentUsers, JobCentres centres, Messages messages, List<MenuEntry> menu) {
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
        this.menu = List.copyOf(menu);
    }

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        Optional<CurrentUser> user = currentUsers.find();
        String path = request.getRequestURI();
        String agency = centres.regionalAgency().map(RegionalAgency::getName).orElse(messages.t("app.agency.default"));
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        String flashKey = flash != null && flash.get("flash") instanceof String s ? s : null;
        String fullName = user.map(CurrentUser::fullName).orElse(null);
        String role = user.map(CurrentUser::mainRole).map(r -> messages.t(r.labelKey())).orElse(null);
        String centre = user.map(CurrentUser::centreId).flatMap(centres::find).map(CentreSummary::name).orElse(null);
        return new PageContext(messages, agency, user.isPresent(), fullName, role, centre,
                user.map(u -> nav(u, path)).orElse(List.of()),
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "" : csrf.getToken(), flashKey);
    }

    /** The menu for the user; one entry is current: the one whose address is the longest prefix of the path. */
    private List<NavItem> nav(CurrentUser user, String path) {
        List<String> roles = user.roles().stream().map(Enum::name).toList();
        List<MenuEntry> visible = menu.stream().filter(e -> e.visibleTo(roles))
                .sorted(Comparator.comparingInt(MenuEntry::order)).toList();
        String current = visible.stream().map(MenuEntry::href).filter(href -> matches(href, path))
                .max(Comparator.comparingInt(String::length)).orElse(null);
        return visible.stream().map(e -> new NavItem(e.labelKey(), e.href(), e.href().equals(current))).toList();
    }

    private static boolean matches(String href, String path) {
        return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
    }
}
