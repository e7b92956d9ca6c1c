package it.ricolloca.workers;

import java.util.Locale;

/** What other modules need of a worker: identity and competent CPI. */
public record WorkerSummary(long id, String taxCode, String firstName, String lastName, Long competentCentreId,
        boolean needsCompletion) {

    /** "Nome Cognome", as a letter addresses the worker; the codice fiscale when the register lacks the name. */
    public String displayName() {
        return orTaxCode(join(firstName, lastName));
    }

    /** "Cognome Nome", as lists sort and show workers; the codice fiscale when the register lacks the name. */
    public String listName() {
        return orTaxCode(join(lastName, firstName));
    }

    /** The initials of first and last name (M. R.) for places outside the administration; empty without a name. */
    public String initials() {
        return (initial(firstName) + " " + initial(lastName)).strip();
    }

    private static String initial(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String s = name.strip();
        return s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(Locale.ITALIAN) + ".";
    }

    private String orTaxCode(String name) {
        return name.isEmpty() ? taxCode : name;
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }
}
