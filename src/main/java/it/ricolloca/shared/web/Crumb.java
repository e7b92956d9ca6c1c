package it.ricolloca.shared.web;

/** One step of the breadcrumb: its text and, except for the current page (null), where it leads. */
public record Crumb(String label, String href) {
}
