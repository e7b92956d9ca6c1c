package it.ricolloca.network;

/** An office of a CPI, as a provider a worker may choose. */
public record OfficeSummary(long id, long centreId, String centreName, String name, String municipality) {

    static OfficeSummary of(Office o) {
        return new OfficeSummary(o.getId(), o.getCentre().getId(), o.getCentre().getName(), o.getName(), o.getMunicipality());
    }

    /** How the office is named in a list: the CPI, then the office when it differs. */
    public String label() {
        return name.equalsIgnoreCase(centreName) ? centreName : centreName + " – " + name;
    }
}
