package it.ricolloca.shared.web;

import java.util.List;

/**
 * A module's contribution to the home page's work queue, as a bean: the kinds of due items it keeps
 * for the user, each counted with its oldest deadline by one SQL statement (never by loading rows).
 * It answers an empty list to a user whose roles have nothing to do with it.
 */
public interface DueWorkSource {

    List<DueWork> dueFor(DueScope scope);
}
