package it.ricolloca.pathway;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.pathway.internal.PathwayWork;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pathways as other modules use them: who may act on one, the open ones a user follows, closing as hired. */
@Service
@Transactional(readOnly = true)
public class Pathways {

    /** An open pathway a user follows, with the worker's name as lists show it ("Cognome Nome"). */
    public record Followed(long pathwayId, String workerName) {
    }

    /** What another module needs of a pathway. */
    public record PathwaySummary(long id, long workerId, long centreId, Long tutorUserId, boolean closed, long version) {
    }

    /** An open pathway and its worker. */
    public record OpenPathway(long pathwayId, long workerId) {
    }

    private final PathwayWork work;
    private final JdbcClient jdbc;

    Pathways(PathwayWork work, JdbcClient jdbc) {
        this.work = work;
        this.jdbc = jdbc;
    }

    /** The pathway, if the user may see it (its provider CPI's staff, the region). */
    public Optional<PathwaySummary> find(CurrentUser user, long id) {
        return jdbc.sql("""
                select id, worker_id, centre_id, tutor_user_id, closed_on is not null, version
                from pathway_pathway where id = ?""").param(id)
                .query((rs, n) -> new PathwaySummary(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        (Long) rs.getObject(4), rs.getBoolean(5), rs.getLong(6)))
                .optional().filter(p -> user.canSeeCentre(p.centreId()));
    }

    /** Whether the user works on the pathway: master, operator or tutor of its provider CPI. */
    public boolean canWork(CurrentUser user, PathwaySummary p) {
        return user.centreId() != null && user.centreId() == p.centreId() && (user.hasRole(Role.CPI_MASTER)
                || user.hasRole(Role.CPI_OPERATOR) || user.hasRole(Role.CPI_TUTOR));
    }

    /**
     * The open pathways the user may propose for an offer, by worker name: a tutor's own workers;
     * for a master or an operator, every open pathway of their CPI (at most {@code limit}).
     */
    public List<Followed> openFor(CurrentUser user, int limit) {
        if (user.centreId() == null) {
            return List.of();
        }
        boolean everyone = user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR);
        if (!everyone && !user.hasRole(Role.CPI_TUTOR)) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, coalesce(nullif(trim(coalesce(w.last_name, '') || ' ' || coalesce(w.first_name, '')), ''),
                    w.tax_code)
                from pathway_pathway p join workers_worker w on w.id = p.worker_id
                where p.closed_on is null and p.centre_id = :centre and (:everyone or p.tutor_user_id = :user)
                order by lower(coalesce(w.last_name, w.tax_code)), lower(coalesce(w.first_name, '')), p.id limit :limit""")
                .param("centre", user.centreId()).param("everyone", everyone).param("user", user.id())
                .param("limit", limit)
                .query((rs, n) -> new Followed(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** The open pathways of a CPI, or of every CPI when {@code centreId} is null (the caller checked the user sees them). */
    public List<OpenPathway> open(Long centreId) {
        return jdbc.sql("""
                select id, worker_id from pathway_pathway
                where closed_on is null and (cast(:centre as bigint) is null or centre_id = :centre) order by id""")
                .param("centre", centreId).query((rs, n) -> new OpenPathway(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Closes the pathway with the outcome "hired", as the pathway page would; refusals as there. */
    @Transactional
    public void closeAsHired(CurrentUser user, long id, long version, LocalDate on, Pathway.Hire hire, String note) {
        work.close(user, id, version, PathwayOutcome.HIRED, on, note, hire);
    }
}
