package it.ricolloca.agenda;

/** A template for ordinary weeks, or for a special period that replaces it on the days it covers. */
public enum TemplateKind {
    WEEKLY,
    SPECIAL;

    public String labelKey() {
        return "agenda.templateKind." + name();
    }
}
