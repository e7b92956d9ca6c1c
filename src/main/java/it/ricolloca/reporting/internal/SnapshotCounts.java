package it.ricolloca.reporting.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts a ministerial list's entries per competent CPI and status, and its requesters per
 * provider chosen, once, the first time a report needs them, and keeps the counts: an imported list never changes, so every later report reads a
 * few hundred rows instead of counting up to a million entries. A report only reads which lists
 * are counted; the counting of a missing one runs in its own transaction, and two reports asking
 * at once count once (the marker row's key makes the second wait, then find it done). The providers
 * are the one count that can change after the import (a request's provider can): the database moves
 * such a request between providers in every counted list (trigger of V63, ADR 0037).
 */
@Component
class SnapshotCounts {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    SnapshotCounts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void ensure(long importId) {
        ensure(List.of(importId));
    }

    /** Makes sure these lists are counted; a read when they are, as they are after their first report. */
    public void ensure(Collection<Long> importIds) {
        if (importIds.isEmpty()) {
            return;
        }
        List<Long> counted = jdbc.sql("select import_id from reporting_snapshot_counted where import_id in (:ids)")
                .param("ids", importIds).query(Long.class).list();
        for (Long id : importIds) {
            if (!counted.contains(id)) {
                own.executeWithoutResult(status -> count(id));
            }
        }
    }

    private void count(long importId) {
        // A request's provider changed meanwhile is then either counted here or moved by the trigger of V63.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('reporting_snapshot_counts'))").query().listOfRows();
        int marked = jdbc.sql("insert into reporting_snapshot_counted (import_id, counted_at) values (?, now())"
                + " on conflict do nothing").param(importId).update();
        if (marked == 1) {
            jdbc.sql("""
                    insert into reporting_snapshot_count (import_id, competent_centre_id, status, requests)
                    select import_id, competent_centre_id, status, count(*) from requests_snapshot_entry
                    where import_id = ? group by import_id, competent_centre_id, status""").param(importId).update();
            jdbc.sql("""
                    insert into reporting_snapshot_provider (import_id, competent_centre_id, provider_type,
                        provider_office_id, provider_label, requests)
                    select e.import_id, e.competent_centre_id, r.provider_type, r.provider_office_id,
                        coalesce(nullif(trim(r.provider_name), ''), nullif(trim(r.provider_office), '')), count(*)
                    from requests_snapshot_entry e join requests_voucher_request r on r.id = e.request_id
                    where e.import_id = ? group by 1, 2, 3, 4, 5""").param(importId).update();
        }
    }
}
