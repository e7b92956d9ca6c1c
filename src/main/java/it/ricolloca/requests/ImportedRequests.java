package it.ricolloca.requests;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests an import of the ministerial list brought for the first time (a request filed here, or
 * seen in an earlier list, is not among them), grouped by competent CPI in one query: a list of any size
 * gives one line per CPI, with the count and the first request numbers.
 */
@Service
@Transactional(readOnly = true)
public class ImportedRequests {

    /** The requests first seen in one import for one competent CPI: how many, and the first of them by number. */
    public record FirstSeen(long competentCentreId, LocalDate snapshotDate, int count, List<Long> firstRequestIds) {
    }

    private final JdbcClient jdbc;

    ImportedRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each competent CPI, the requests first seen in the import: the count and at most {@code listed} ids. */
    public List<FirstSeen> firstSeenIn(long importId, int listed) {
        return jdbc.sql("""
                select r.competent_centre_id, i.snapshot_date, count(*),
                    (array_agg(r.id order by r.id))[1:?]
                from requests_voucher_request r join requests_import i on i.id = r.first_import_id
                where r.first_import_id = ? group by r.competent_centre_id, i.snapshot_date
                order by r.competent_centre_id""")
                .params(listed, importId)
                .query((rs, n) -> {
                    Array ids = rs.getArray(4);
                    List<Long> first = Arrays.stream((Object[]) ids.getArray()).map(o -> ((Number) o).longValue()).toList();
                    return new FirstSeen(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getInt(3), first);
                }).list();
    }
}
