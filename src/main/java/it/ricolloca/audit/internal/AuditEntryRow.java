package it.ricolloca.audit.internal;

import java.time.Instant;

/** One row of the trail as stored. */
public record AuditEntryRow(long id, Instant occurredAt, String actor, String action, String recordType,
        String recordId, String details, String prevHash, String hash) {
}
