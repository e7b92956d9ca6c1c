package it.ricolloca.reporting.web;

import it.ricolloca.network.CentreSummary;
import it.ricolloca.reporting.internal.SilpContacts;
import it.ricolloca.reporting.internal.SilpContacts.Filter;
import java.util.List;

/** The SILP contacts page: the filter applied, the contacts listed, how many there are in all, the CPIs to pick. */
public record ContactsPage(Filter filter, String query, List<SilpContacts.Contact> contacts, long total,
        List<CentreSummary> centres) {

    public boolean truncated() {
        return total > contacts.size();
    }
}
