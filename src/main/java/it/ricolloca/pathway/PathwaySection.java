package it.ricolloca.pathway;

import it.ricolloca.accounts.CurrentUser;
import java.util.List;

/**
 * A section another module adds to a pathway's page (the vacancy board adds the worker's
 * referrals and their outcomes), so that the pathway shows it without depending on that module.
 * Each provider names the tab of the page its section belongs to, and is asked only when that tab is shown.
 */
public record PathwaySection(String id, String title, String empty, List<Line> lines, String linkLabel, String linkHref) {

    /** One line of the section: its text, an optional link, and a status shown in bold. */
    public record Line(String text, String href, String status) {
    }

    /** Implemented by the modules that contribute a section; the pathway page asks each one. */
    public interface Provider {

        /** The tab of the pathway's page the section belongs to. */
        PathwayTab tab();

        /** The section for this pathway as the user may see it, or {@code null} to add nothing. */
        PathwaySection section(CurrentUser user, long pathwayId, long workerId);
    }
}
