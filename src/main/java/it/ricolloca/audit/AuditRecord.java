package it.ricolloca.audit;

import java.time.Instant;

/** One entry of a record's history, as other modules show it. */
public record AuditRecord(long id, Instant occurredAt, String actor, String action, String details) {
}
