package it.ricolloca.audit;

import java.util.List;

/**
 * Records who did what, when, to which record. Call it inside the transaction that makes the
 * change, so the change and its entry commit or roll back together.
 */
public interface AuditTrail {

    /** Records an action of the signed-in user (or of the system when nobody is signed in). */
    void record(String action, String recordType, Object recordId, String details);

    /** Records an action on behalf of a named actor, for events outside a signed-in request (logins). */
    void recordAs(String actor, String action, String recordType, Object recordId, String details);

    /** What happened to one record, newest first, at most {@code limit} entries. */
    List<AuditRecord> history(String recordType, Object recordId, int limit);
}
