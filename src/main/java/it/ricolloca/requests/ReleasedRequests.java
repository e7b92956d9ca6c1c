package it.ricolloca.requests;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The released requests of the workers who chose a CPI office as provider, as the provider's modules read them. */
@Service
@Transactional(readOnly = true)
public class ReleasedRequests {

    private static final String SELECT = """
            select r.id, w.id, w.tax_code, trim(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')), w.email,
                r.provider_office_id, r.status_date, r.competent_centre_id
            from requests_voucher_request r join workers_worker w on w.id = r.worker_id
            where r.status = 'RELEASED' and r.provider_type = 'CPI' and r.provider_office_id is not null""";

    private final JdbcClient jdbc;

    ReleasedRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Released requests whose provider is one of these offices, oldest release first. */
    public List<ReleasedRequest> atOffices(Collection<Long> officeIds) {
        if (officeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " and r.provider_office_id in (:offices) order by r.status_date, r.id")
                .param("offices", officeIds).query(mapper()).list();
    }

    public Optional<ReleasedRequest> find(long requestId) {
        return jdbc.sql(SELECT + " and r.id = :id").param("id", requestId).query(mapper()).optional();
    }

    private static RowMapper<ReleasedRequest> mapper() {
        return (rs, n) -> new ReleasedRequest(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4).isEmpty() ? rs.getString(3) : rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getDate(7).toLocalDate(), rs.getLong(8));
    }
}
