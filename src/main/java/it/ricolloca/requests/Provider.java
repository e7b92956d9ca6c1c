package it.ricolloca.requests;

/**
 * The provider the worker chose: a CPI office (type {@code CPI}, with the office's id) or a
 * private agency (type {@code PRIVATE}, named).
 */
public record Provider(String type, String name, Long officeId, String office) {

    public static final String CPI = "CPI";
    public static final String PRIVATE = "PRIVATE";

    public static Provider office(long officeId, String centreName, String officeName) {
        return new Provider(CPI, centreName, officeId, officeName);
    }

    public static Provider agency(String name) {
        return new Provider(PRIVATE, name, null, null);
    }
}
