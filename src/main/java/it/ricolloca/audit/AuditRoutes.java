package it.ricolloca.audit;

/** The audit pages' URLs, shared by controllers, templates and tests. */
public final class AuditRoutes {

    public static final String ENTRIES = "/audit";
    public static final String VERIFY = "/audit/verify";

    private AuditRoutes() {
    }
}
