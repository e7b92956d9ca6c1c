package it.ricolloca.shared.web;

/**
 * A count shown as a badge on a menu entry (the unread notices, say), contributed as a bean by the module
 * that owns the count, so that the layout shows it without depending on that module. The layout asks only
 * when it draws the menu: one query per page.
 */
public interface MenuBadge {

    /** The address of the menu entry the badge sits on. */
    String href();

    /** The count for the signed-in user (0: no badge). */
    int count(long userId);
}
