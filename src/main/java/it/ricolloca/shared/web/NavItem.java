package it.ricolloca.shared.web;

/**
 * One entry of the menu as a user sees it: its area, the bundle key of its label, where it leads,
 * whether it is the current page's, and the count its badge shows (0: no badge).
 */
public record NavItem(MenuArea area, String labelKey, String href, boolean active, int badge) {
}
