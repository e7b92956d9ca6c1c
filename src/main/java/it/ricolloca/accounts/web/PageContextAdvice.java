package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.audit.AuditRoutes;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.RegionalAgency;
import it.ricolloca.network.NetworkRoutes;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.NavItem;
import it.ricolloca.shared.web.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
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

    PageContextAdvice(CurrentUsers currentUsers, JobCentres centres, Messages messages) {
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
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

    private static List<NavItem> nav(CurrentUser user, String path) {
        List<NavItem> items = new ArrayList<>();
        items.add(item("nav.home", AccountRoutes.HOME, path));
        items.add(item("nav.centres", NetworkRoutes.CENTRES, path));
        if (user.isAdmin() || user.hasRole(Role.CPI_MASTER)) {
            items.add(item("nav.users", AccountRoutes.USERS, path));
        }
        if (DelegationAdministration.canRead(user)) {
            items.add(item("nav.delegations", AccountRoutes.DELEGATIONS, path));
        }
        if (user.isAdmin()) {
            items.add(item("nav.audit", AuditRoutes.ENTRIES, path));
        }
        items.add(item("nav.tokens", AccountRoutes.TOKENS, path));
        items.add(item("nav.password", AccountRoutes.PASSWORD, path));
        return items;
    }

    private static NavItem item(String key, String href, String path) {
        boolean active = href.equals("/") ? path.equals("/") : path.startsWith(href);
        return new NavItem(key, href, active);
    }
}
