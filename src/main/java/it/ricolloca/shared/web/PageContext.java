package it.ricolloca.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's layout needs besides its own content: the agency name, who is signed in,
 * the menu for their roles (by area, with its badges), the CSRF token and a one-off notice after a redirect.
 * The badges' counts are asked for only when the layout draws them ({@code badges} is remembered once asked).
 * The CSRF token too is read only when a page draws a form ({@code csrf}): an answer that draws none (the API,
 * the health probe, a visitor's public page) starts no session. The agency's and the user's CPI's names are read
 * the first time a page draws them ({@code agency}, {@code centre}), so an API call or a health probe asks the
 * database nothing for a frame it never draws.
 */
public record PageContext(
        Messages messages,
        Supplier<String> agency,
        boolean authenticated,
        String userFullName,
        String roleLabel,
        Supplier<String> centre,
        List<NavItem> nav,
        Supplier<Map<String, Integer>> badges,
        CsrfToken csrf,
        String flashKey,
        Flash.Kind flashKind) {

    /** Bootstrap Italia's SVG sprite, served from its WebJar: {@code <use href="${ctx.icon("it-burger")}">}. */
    public static final String SPRITES = "/webjars/bootstrap-italia/dist/svg/sprites.svg";

    /** The regional agency's name, as the header and the notices name it. */
    public String agencyName() {
        return agency.get();
    }

    /** The signed-in user's CPI, or null for a regional user or a visitor. */
    public String centreName() {
        return centre.get();
    }

    public String t(String key, Object... args) {
        return messages.t(key, args);
    }

    /** The text for a key built from data (an audit action, say), or the fallback when the bundle lacks it. */
    public String tOr(String key, String fallback) {
        return messages.tOr(key, fallback);
    }

    /** A stored detail (audit entry, history note) in Italian; see {@link Messages#detail}. */
    public String detail(String stored) {
        return messages.detail(stored);
    }

    public boolean hasFlash() {
        return flashKey != null && !flashKey.isBlank();
    }

    /** The notice's kind: a success unless the redirect said otherwise. */
    public Flash.Kind flashKind() {
        return flashKind == null ? Flash.Kind.SUCCESS : flashKind;
    }

    /** A new one-time token for a form (each form of a page gets its own): a form acts once (ADR 0018). */
    public String newFormToken() {
        return UUID.randomUUID().toString();
    }

    /**
     * The CSRF token of the session, created (with the session) the first time a page asks for it or for its
     * names: Spring Security's token is deferred until one of its methods is called.
     */
    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    public String csrfHeadersJson() {
        return "{\"" + csrfHeader() + "\": \"" + csrfToken() + "\"}";
    }

    /** The address of an icon of Bootstrap Italia's sprite. */
    public String icon(String name) {
        return SPRITES + "#" + name;
    }

    /** The entry the current page belongs to, or null. */
    public NavItem current() {
        return nav.stream().filter(NavItem::active).findFirst().orElse(null);
    }

    /** The areas of the main navigation with the entries the user sees, in order (the personal menu apart). */
    public List<NavArea> areas() {
        List<NavArea> areas = new ArrayList<>();
        for (MenuArea area : MenuArea.values()) {
            if (area == MenuArea.PERSONAL) {
                continue;
            }
            List<NavItem> items = itemsOf(area);
            if (!items.isEmpty()) {
                areas.add(new NavArea(area, items));
            }
        }
        return areas;
    }

    /** The user's own entries (notices, password, API tokens), shown under their name in the top bar. */
    public NavArea personal() {
        return new NavArea(MenuArea.PERSONAL, itemsOf(MenuArea.PERSONAL));
    }

    private List<NavItem> itemsOf(MenuArea area) {
        Map<String, Integer> counts = badges == null ? Map.of() : badges.get();
        return nav.stream().filter(i -> i.area() == area).map(i -> counts.containsKey(i.href())
                ? new NavItem(i.area(), i.labelKey(), i.href(), i.active(), counts.get(i.href())) : i).toList();
    }

    /**
     * The breadcrumb of a page: Home, then the area and the menu entry the page belongs to, then the page's
     * own title when it is not the entry's. The last step is the current page (no link). Nothing on the home
     * page, nor for a visitor who is not signed in.
     */
    public List<Crumb> breadcrumbs(String title) {
        NavItem entry = current();
        if (!authenticated || entry != null && entry.area() == MenuArea.HOME) {
            return List.of();
        }
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(t("nav.home"), "/", false));
        if (entry != null) {
            if (entry.area() != MenuArea.PERSONAL && nav.stream().filter(i -> i.area() == entry.area()).count() > 1) {
                crumbs.add(new Crumb(t(entry.area().labelKey()), null, false));
            }
            crumbs.add(new Crumb(t(entry.labelKey()), entry.href(), false));
        }
        Crumb last = crumbs.get(crumbs.size() - 1);
        if (title != null && !title.isBlank() && !title.equals(last.label())) {
            crumbs.add(new Crumb(title, null, true));
        } else {
            crumbs.set(crumbs.size() - 1, new Crumb(last.label(), null, true));
        }
        return crumbs;
    }
}
