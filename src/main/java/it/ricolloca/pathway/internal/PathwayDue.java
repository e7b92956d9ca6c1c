package it.ricolloca.pathway.internal;

/**
 * The kinds of pathways due at the provider, as the home page counts them and the list of pathways
 * filters them ({@code /pathways?due=...}): one SQL predicate on {@code p} (a pathway) serves both, with
 * the date each one is due by. Parameters: {@code :today}, {@code :pactDays} (the pact's term from the
 * first appointment held), {@code :every} (the days between two meetings).
 */
public enum PathwayDue {

    /** Started, open, and no signed pact: the pact is due within its term from the first appointment held. */
    PACT("p.closed_on is null and p.started_on is not null"
            + " and not exists (select 1 from pathway_pact k where k.pathway_id = p.id and k.status = 'SIGNED')",
            "p.started_on + cast(:pactDays as integer)"),
    /** Started, open, not suspended, and no meeting held for more than the rule's days (the worklist's overdue). */
    MEETING("p.closed_on is null and p.started_on is not null"
            + " and not exists (select 1 from pathway_suspension s where s.pathway_id = p.id and s.resumed_on is null)"
            + " and " + PathwayDue.LAST_MEETING + " + cast(:every as integer) < :today",
            PathwayDue.LAST_MEETING + " + cast(:every as integer)"),
    /** Open, with diary entries no meeting has reviewed yet: the oldest entry waits since its date. */
    DIARY("p.closed_on is null and exists (select 1 from pathway_diary_entry e where e.pathway_id = p.id"
            + " and e.reviewed_meeting_id is null)",
            "(select min(e.on_date) from pathway_diary_entry e where e.pathway_id = p.id and e.reviewed_meeting_id is null)");

    /** The last meeting held, or the start. */
    private static final String LAST_MEETING = "coalesce((select max(m.on_date) from pathway_meeting m"
            + " where m.pathway_id = p.id and m.status = 'HELD'), p.started_on)";

    private final String predicate;
    private final String dueOn;

    PathwayDue(String predicate, String dueOn) {
        this.predicate = predicate;
        this.dueOn = dueOn;
    }

    /** The SQL predicate on {@code p}. */
    public String predicate() {
        return "(" + predicate + ")";
    }

    /** The SQL date the pathway is due by (or waits since). */
    String dueOn() {
        return dueOn;
    }

    public String labelKey() {
        return "pathways.due." + name();
    }
}
