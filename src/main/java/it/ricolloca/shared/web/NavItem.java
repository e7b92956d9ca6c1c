package it.ricolloca.shared.web;

/** One entry of the main menu: the bundle key of its label and where it leads. */
public record NavItem(String labelKey, String href, boolean active) {
}
