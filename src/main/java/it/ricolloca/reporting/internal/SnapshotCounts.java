package it.ricolloca.reporting.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a ministerial list's entries per competent CPI and status once, the first time a report
 * needs them, and keeps the counts: an imported list never changes, so every later report reads a
 * few hundred rows instead of counting up to a million entries. Two reports asking at once count
 * once (the marker row's key makes the second wait, then find it done).
 */
@Component
class SnapshotCounts {

    private final JdbcClient jdbc;

    SnapshotCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensure(long importId) {
        int marked = jdbc.sql("insert into reporting_snapshot_counted (import_id, counted_at) values (?, now())"
                + " on conflict do nothing").param(importId).update();
        if (marked == 1) {
            jdbc.sql("""
                    insert into reporting_snapshot_count (import_id, competent_centre_id, status, requests)
                    select import_id, competent_centre_id, status, count(*) from requests_snapshot_entry
                    where import_id = ? group by import_id, competent_centre_id, status""").param(importId).update();
        }
    }
}
