package it.ricolloca.pathway.internal;

import it.ricolloca.requests.ReleasedRequest;
import it.ricolloca.workers.WorkerContact;
import it.ricolloca.workers.Workers;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider CPI's queue of released requests, pathway's own copy ({@code pathway_queue}, kept by
 * {@link HandoffListener}): a request waits there from its release until its pathway starts (or is closed
 * before it started, as after a decadenza). The workers'
 * names, codes and addresses come from the register's public API, in one call for the whole list.
 */
@Service
@Transactional(readOnly = true)
class HandoffQueue {

    private static final String SELECT = """
            select q.request_id, q.worker_id, q.office_id, q.released_on, q.centre_id from pathway_queue q
            where not exists (select 1 from pathway_pathway p where p.request_id = q.request_id and p.started_on is not null)""";
    private static final String NOT_CLOSED = """
             and not exists (select 1 from pathway_pathway c where c.request_id = q.request_id and c.closed_on is not null)""";

    private record Queued(long requestId, long workerId, long officeId, LocalDate releasedOn, long centreId) {
    }

    private final JdbcClient jdbc;
    private final Workers workers;

    HandoffQueue(JdbcClient jdbc, Workers workers) {
        this.jdbc = jdbc;
        this.workers = workers;
    }

    /** The requests queued at these offices, oldest release first. */
    List<ReleasedRequest> atOffices(Collection<Long> officeIds) {
        return atOffices(officeIds, false);
    }

    /** As above, only those no first appointment was ever booked for when {@code unscheduled} (the home page's link). */
    List<ReleasedRequest> atOffices(Collection<Long> officeIds, boolean unscheduled) {
        if (officeIds.isEmpty()) {
            return List.of();
        }
        return withWorkers(jdbc.sql(SELECT + NOT_CLOSED + (unscheduled ? " and " + PathwayQueries.UNSCHEDULED : "")
                + " and q.office_id in (:offices) order by q.released_on, q.request_id")
                .param("offices", officeIds).query(mapper()).list());
    }

    /** The request, while it is queued. */
    Optional<ReleasedRequest> find(long requestId) {
        return withWorkers(jdbc.sql(SELECT + " and q.request_id = :id").param("id", requestId).query(mapper()).list())
                .stream().findFirst();
    }

    private List<ReleasedRequest> withWorkers(List<Queued> queued) {
        if (queued.isEmpty()) {
            return List.of();
        }
        Map<Long, WorkerContact> contacts = workers.contacts(queued.stream().map(Queued::workerId).toList());
        return queued.stream().filter(q -> contacts.containsKey(q.workerId())).map(q -> {
            WorkerContact w = contacts.get(q.workerId());
            return new ReleasedRequest(q.requestId(), q.workerId(), w.summary().taxCode(), w.summary().listName(),
                    w.email(), q.officeId(), q.releasedOn(), q.centreId());
        }).toList();
    }

    private static RowMapper<Queued> mapper() {
        return (rs, n) -> new Queued(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                rs.getLong(5));
    }
}
