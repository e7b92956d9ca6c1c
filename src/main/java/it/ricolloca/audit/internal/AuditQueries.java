package it.ricolloca.audit.internal;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Searching the trail, newest first. */
@Component
public class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<AuditEntryRow> search(String query, int page, int size) {
        String like = "%" + (query == null ? "" : query.strip().toLowerCase()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        String where = " where lower(actor) like :q or lower(action) like :q or lower(record_type) like :q"
                + " or record_id like :q or lower(details) like :q";
        long total = jdbc.sql("select count(*) from audit_entry" + where).param("q", like).query(Long.class).single();
        List<AuditEntryRow> rows = jdbc.sql("select id, occurred_at, actor, action, record_type, record_id, details,"
                        + " prev_hash, hash from audit_entry" + where + " order by id desc limit :size offset :offset")
                .param("q", like).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new AuditEntryRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)))
                .list();
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }
}
