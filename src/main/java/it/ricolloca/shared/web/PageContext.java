package it.ricolloca.shared.web;

import java.util.List;
import java.util.UUID;

/**
 * What every page's layout needs besides its own content: the agency name, who is signed in,
 * the menu for their roles, the CSRF token and a one-off notice after a redirect.
 */
public record PageContext(
        Messages messages,
        String agencyName,
        boolean authenticated,
        String userFullName,
        String roleLabel,
        String centreName,
        List<NavItem> nav,
        String csrfParameter,
        String csrfHeader,
        String csrfToken,
        String flashKey) {

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

    /** A new one-time token for a form (each form of a page gets its own): a form acts once (ADR 0018). */
    public String newFormToken() {
        return UUID.randomUUID().toString();
    }

    public String csrfHeadersJson() {
        return "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }
}
