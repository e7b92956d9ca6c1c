package it.ricolloca.requests;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-off of requests to their provider, as the provider's module reads it after an event: one request,
 * or the requests of an imported snapshot in batches (by request id, so a large import is read in bounded
 * pieces).
 */
@Service
@Transactional(readOnly = true)
public class Handoffs {

    private static final String SELECT = """
            select r.id, r.worker_id, r.competent_centre_id,
                case when r.status = 'RELEASED' and r.provider_type = 'CPI' then r.provider_office_id end,
                r.status_date
            from requests_voucher_request r""";

    private final JdbcClient jdbc;

    Handoffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The request's hand-off; empty when there is no such request. */
    public Optional<Handoff> of(long requestId) {
        return jdbc.sql(SELECT + " where r.id = ?").param(requestId).query(mapper()).optional();
    }

    /** At most {@code limit} requests of the import's snapshot with an id above {@code afterRequestId}, by id. */
    public List<Handoff> ofImport(long importId, long afterRequestId, int limit) {
        return jdbc.sql(SELECT + """
                 join requests_snapshot_entry e on e.request_id = r.id
                where e.import_id = ? and e.request_id > ? order by e.request_id limit ?""")
                .params(importId, afterRequestId, limit).query(mapper()).list();
    }

    private static RowMapper<Handoff> mapper() {
        return (rs, n) -> {
            Long office = rs.getObject(4, Long.class);
            return new Handoff(rs.getLong(1), rs.getLong(2), rs.getLong(3), office,
                    office == null ? null : rs.getDate(5).toLocalDate());
        };
    }
}
