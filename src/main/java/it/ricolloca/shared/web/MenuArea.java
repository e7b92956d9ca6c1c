package it.ricolloca.shared.web;

/**
 * The areas of the main menu, in the order the navigation shows them: each becomes a dropdown (a plain
 * link when a user sees one entry of it). {@link #PERSONAL} is the user's own menu in the header's top bar.
 */
public enum MenuArea {
    HOME,
    WORKERS,
    PATHWAYS,
    VACANCIES,
    CLAIMS,
    MONITORING,
    NETWORK,
    ADMINISTRATION,
    PERSONAL;

    public String labelKey() {
        return "nav.area." + name();
    }
}
