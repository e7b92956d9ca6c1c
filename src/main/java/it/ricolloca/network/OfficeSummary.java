package it.ricolloca.network;

/** An office of a CPI, as a provider a worker may choose. */
public record OfficeSummary(long id, long centreId, String centreName, String name, String municipality) {

    /** How the office is named in a list: the CPI, then the office when it differs. */
    public String label() {
        return name.equalsIgnoreCase(centreName) ? centreName : centreName + " – " + name;
    }
}
