package it.ricolloca.accounts.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.RegionalAgency;
import it.ricolloca.shared.web.Flash;
import it.ricolloca.shared.web.MeFrame;
import it.ricolloca.shared.web.MenuBadge;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.NavItem;
import it.ricolloca.shared.web.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Gives every page its layout context: agency, user, menu by role and area with the badges other modules
 * contribute ({@link MenuBadge}, counted only if the page draws the menu), CSRF token and flash notice.
 */
@ControllerAdvice
class PageContextAdvice {

    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Messages messages;
    private final List<MenuEntry> menu;
    private final List<MenuBadge> badges;

    PageContextAdvice(CurrentUsers currentUsers, JobCentres centres, Messages messages, List<MenuEntry> menu,
            List<MenuBadge> badges) {
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
        this.menu = List.copyOf(menu);
        this.badges = List.copyOf(badges);
    }

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        Optional<CurrentUser> user = currentUsers.find();
        String path = request.getRequestURI();
        Supplier<String> agency = once(() -> centres.regionalAgency().map(RegionalAgency::getName)
                .orElse(messages.t("app.agency.default")));
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        String flashKey = flash != null && flash.get(Flash.KEY) instanceof String s ? s : null;
        Flash.Kind flashKind = Flash.Kind.of(flash == null ? null : flash.get(Flash.KIND));
        String fullName = user.map(CurrentUser::fullName).orElse(null);
        String role = user.map(CurrentUser::mainRole).map(r -> messages.t(r.labelKey())).orElse(null);
        Supplier<String> centre = once(() -> user.map(CurrentUser::centreId).flatMap(centres::find)
                .map(CentreSummary::name).orElse(null));
        return new PageContext(messages, agency, user.isPresent(), fullName, role, centre,
                user.map(u -> nav(u, path)).orElse(List.of()), user.map(this::badges).orElse(Map::of),
                csrf, flashKey, flashKind);
    }

    /** The frame of the worker's pages (ADR 0040): only for a signed-in worker, null for anyone else. */
    @ModelAttribute("me")
    MeFrame workerFrame(HttpServletRequest request) {
        return WorkerPrincipal.current().map(w -> MeFrame.of(w.displayName(), request.getRequestURI())).orElse(null);
    }

    /** The badges' counts by menu address, asked once, the first time the layout wants them. */
    private Supplier<Map<String, Integer>> badges(CurrentUser user) {
        return once(() -> {
            Map<String, Integer> m = new HashMap<>();
            badges.forEach(b -> m.merge(b.href(), b.count(user.id()), Integer::sum));
            return Map.copyOf(m);
        });
    }

    /** A value worked out the first time it is asked for, then remembered (null included); one page, one thread. */
    private static <T> Supplier<T> once(Supplier<T> work) {
        return new Supplier<>() {
            private boolean done;
            private T value;

            @Override
            public T get() {
                if (!done) {
                    value = work.get();
                    done = true;
                }
                return value;
            }
        };
    }

    /** The menu for the user; one entry is current: the one whose address is the longest prefix of the path. */
    private List<NavItem> nav(CurrentUser user, String path) {
        List<String> roles = user.roles().stream().map(Enum::name).toList();
        List<MenuEntry> visible = menu.stream().filter(e -> e.visibleTo(roles))
                .sorted(Comparator.comparing(MenuEntry::area).thenComparingInt(MenuEntry::order)).toList();
        String current = visible.stream().map(MenuEntry::href).filter(href -> matches(href, path))
                .max(Comparator.comparingInt(String::length)).orElse(null);
        return visible.stream().map(e -> new NavItem(e.area(), e.labelKey(), e.href(), e.href().equals(current), 0)).toList();
    }

    private static boolean matches(String href, String path) {
        return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
    }
}
