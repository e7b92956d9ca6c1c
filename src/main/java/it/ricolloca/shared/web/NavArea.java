package it.ricolloca.shared.web;

import java.util.List;

/** An area of the menu with the entries a user sees in it; it is current when one of them is. */
public record NavArea(MenuArea area, List<NavItem> items) {

    public String labelKey() {
        return area.labelKey();
    }

    public boolean active() {
        return items.stream().anyMatch(NavItem::active);
    }

    /** An area with one entry is shown as that entry's link, not as a dropdown of one. */
    public boolean single() {
        return items.size() == 1;
    }

    public int badge() {
        return items.stream().mapToInt(NavItem::badge).sum();
    }

    /** Where the first entry with a badge leads (the header's shortcut to it), or null. */
    public String badgedHref() {
        return items.stream().filter(i -> i.badge() > 0).map(NavItem::href).findFirst().orElse(null);
    }

    /** A DOM id for the dropdown's toggle. */
    public String id() {
        return "nav-area-" + area.name().toLowerCase(java.util.Locale.ROOT);
    }
}
