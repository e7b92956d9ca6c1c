package it.ricolloca.shared.web;

/**
 * One step of the breadcrumb: its text, where it leads (null for an area of the menu, which is no page) and
 * whether it is the current page, the last step.
 */
public record Crumb(String label, String href, boolean current) {
}
