package it.ricolloca.pathway;

/** The activities of the Fee4Service timesheet. */
public enum ServiceTimesheetActivity {
    RECEPTION,
    SKILLS_ASSESSMENT,
    PACT_DEFINITION,
    GUIDANCE,
    SEARCH_SUPPORT;

    public String labelKey() {
        return "pathway.activity." + name();
    }
}
