package it.ricolloca.pathway;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayRights;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /** An open pathway, its worker and its CPI. */
    public record OpenPathway(long pathwayId, long workerId, long centreId) {
    }

    /** A version of the search pact as the worker reads it: the generated text and the signed copy (dossier ids). */
    public record OwnPact(int versionNo, PactStatus status, LocalDate signedOn, Long documentId, Long signedCopyId,
            List<PactAction> actions) {
    }

    /**
     * The worker's pathway as they read it (ADR 0040): provider office, tutor, start, planned end of the service,
     * the suspension under way, closing and the pact's versions (newest first).
     */
    public record OwnPathway(long id, long centreId, long officeId, Long tutorUserId, LocalDate startedOn,
            LocalDate plannedEnd, LocalDate closedOn, LocalDate suspendedOn, ContractType suspensionContract,
            String suspensionEmployer, LocalDate timesheetSignedOn, List<OwnPact> pacts) {
    }

    private final PathwayLifecycle lifecycle;
    private final PathwayRights rights;
    private final Workers workers;
    private final JdbcClient jdbc;
    private final it.ricolloca.pathway.internal.PathwayRepository repository;
    private final it.ricolloca.pathway.internal.SearchPactRepository pactRepository;
    private final it.ricolloca.pathway.internal.PathwayWork work;

    Pathways(PathwayLifecycle lifecycle, PathwayRights rights, Workers workers, JdbcClient jdbc,
            it.ricolloca.pathway.internal.PathwayRepository repository,
            it.ricolloca.pathway.internal.SearchPactRepository pactRepository,
            it.ricolloca.pathway.internal.PathwayWork work) {
        this.lifecycle = lifecycle;
        this.rights = rights;
        this.workers = workers;
        this.jdbc = jdbc;
        this.repository = repository;
        this.pactRepository = pactRepository;
        this.work = work;
    }

    /** The worker's latest pathway as the worker's own pages show it; no user's rights are asked (ADR 0040). */
    public Optional<OwnPathway> ownOf(long workerId) {
        return latestOfWorker(workerId).flatMap(s -> repository.findById(s.id())).map(p -> {
            Suspension open = p.getSuspensions().stream().filter(Suspension::isOpen).findFirst().orElse(null);
            List<OwnPact> pacts = pactRepository.findByPathwayIdOrderByVersionNoDesc(p.getId()).stream()
                    .map(x -> new OwnPact(x.getVersionNo(), x.getStatus(), x.getSignedOn(), x.getDocumentId(),
                            x.getSignedCopyId(), List.copyOf(x.getActions()))).toList();
            return new OwnPathway(p.getId(), p.getCentreId(), p.getOfficeId(), p.getTutorUserId(), p.getStartedOn(),
                    work.plannedEnd(p).orElse(null), p.getClosedOn(), open == null ? null : open.getSuspendedOn(),
                    open == null ? null : open.getContract(), open == null ? null : open.getEmployer(),
                    p.getTimesheetSignedOn(), pacts);
        });
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

    /**
     * The worker's latest pathway, for the worker's own pages (ADR 0040): no user's rights are asked, the caller
     * is the worker themselves.
     */
    public Optional<PathwaySummary> latestOfWorker(long workerId) {
        return jdbc.sql("""
                select id, worker_id, centre_id, tutor_user_id, closed_on is not null, version
                from pathway_pathway where worker_id = ? order by id desc limit 1""").param(workerId)
                .query((rs, n) -> new PathwaySummary(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        (Long) rs.getObject(4), rs.getBoolean(5), rs.getLong(6)))
                .optional();
    }

    /** Whether the user works on the pathway: master, operator or tutor of its provider CPI. */
    public boolean canWork(CurrentUser user, PathwaySummary p) {
        return rights.canWork(user, p.centreId());
    }

    /**
     * The open pathways the user may propose for an offer, by worker name: a tutor's own workers;
     * for a master or an operator, every open pathway of their CPI (at most {@code limit}).
     */
    public List<Followed> openFor(CurrentUser user, int limit) {
        List<OpenPathway> open = followed(user);
        Map<Long, WorkerSummary> people = workers.summaries(open.stream().map(OpenPathway::workerId).toList());
        Function<OpenPathway, WorkerSummary> worker = o -> people.getOrDefault(o.workerId(),
                new WorkerSummary(o.workerId(), "", null, null, null, false));
        return open.stream()
                .sorted(Comparator.comparing((OpenPathway o) -> lower(worker.apply(o).lastName() == null
                                ? worker.apply(o).taxCode() : worker.apply(o).lastName()))
                        .thenComparing(o -> lower(worker.apply(o).firstName()))
                        .thenComparingLong(OpenPathway::pathwayId))
                .limit(limit)
                .map(o -> new Followed(o.pathwayId(), worker.apply(o).listName()))
                .toList();
    }

    /** The ids of the open pathways the user may propose for an offer (as {@link #openFor}), in one query, without names. */
    public Set<Long> openIdsFor(CurrentUser user) {
        return followed(user).stream().map(OpenPathway::pathwayId).collect(Collectors.toSet());
    }

    private List<OpenPathway> followed(CurrentUser user) {
        if (user.centreId() == null) {
            return List.of();
        }
        boolean everyone = user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR);
        if (!everyone && !user.hasRole(Role.CPI_TUTOR)) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.worker_id, p.centre_id from pathway_pathway p
                where p.closed_on is null and p.centre_id = :centre and (:everyone or p.tutor_user_id = :user)""")
                .param("centre", user.centreId()).param("everyone", everyone).param("user", user.id())
                .query((rs, n) -> new OpenPathway(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** The open pathways of a CPI, or of every CPI when {@code centreId} is null (the caller checked the user sees them). */
    public List<OpenPathway> open(Long centreId) {
        return jdbc.sql("""
                select id, worker_id, centre_id from pathway_pathway
                where closed_on is null and (cast(:centre as bigint) is null or centre_id = :centre) order by id""")
                .param("centre", centreId).query((rs, n) -> new OpenPathway(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Closes the pathway with the outcome "hired", as the pathway page would; refusals as there. */
    @Transactional
    public void closeAsHired(CurrentUser user, long id, long version, LocalDate on, Pathway.Hire hire, String note) {
        lifecycle.close(user, id, version, PathwayOutcome.HIRED, on, note, hire);
    }
}
