package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.PathwaySummary;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyInterest;
import it.ricolloca.vacancies.internal.Matching.VacancyMatch;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offers of the board as the worker sees them from their own pages, ranked for them with the
 * reasons (the matching the tutor uses, {@link Matching#forWorker}), and their interest ("mi
 * interessa"), which reaches the tutor of their pathway: the tutor proposes the worker (a referral)
 * or sets the interest aside with a reason. The worker's acts are audited with the worker as actor.
 */
@Service
@Transactional
public class WorkerOffers {

    /** An offer ranked for the worker, with the state of their interest in it (null when none). */
    public record Offer(VacancyMatch match, VacancyInterest.State state, String setAsideReason) {
    }

    /** An interest with its offer, as the worker and the tutor list it. */
    public record InterestRow(long id, long vacancyId, long pathwayId, long workerId, Instant expressedAt,
            String profile, String companyName, VacancyInterest.State state, String setAsideReason, long version) {

        static InterestRow of(VacancyInterest i, Vacancy v, VacancyInterest.State state) {
            return new InterestRow(i.getId(), i.getVacancyId(), i.getPathwayId(), i.getWorkerId(), i.getExpressedAt(),
                    v == null ? "" : v.getProfile(), v == null ? "" : v.getCompanyName(), state, i.getSetAsideReason(),
                    i.getVersion());
        }
    }

    private final Matching matching;
    private final InterestRepository interests;
    private final VacancyRepository vacancies;
    private final Pathways pathways;
    private final VacancyRights rights;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    WorkerOffers(Matching matching, InterestRepository interests, VacancyRepository vacancies, Pathways pathways,
            VacancyRights rights, AuditTrail audit, JdbcClient jdbc) {
        this.matching = matching;
        this.interests = interests;
        this.vacancies = vacancies;
        this.pathways = pathways;
        this.rights = rights;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ---- the worker ----

    /** The open offers ranked for the worker, a page at a time, with their interest in each (one query more). */
    @Transactional(readOnly = true)
    public Page<Offer> ranked(long workerId, int page, int size) {
        Page<VacancyMatch> matches = matching.forWorker(workerId, page, size);
        Map<Long, VacancyInterest> mine = interests.findByWorkerIdOrderByExpressedAtDesc(workerId).stream()
                .collect(Collectors.toMap(VacancyInterest::getVacancyId, Function.identity(), (a, b) -> a));
        Set<Long> proposed = proposedFor(workerId);
        return matches.map(m -> {
            VacancyInterest i = mine.get(m.vacancyId());
            return new Offer(m, i == null ? null : i.state(proposed.contains(m.vacancyId())),
                    i == null ? null : i.getSetAsideReason());
        });
    }

    /** Whether the worker's profile ranks the offers (otherwise they come newest first). */
    @Transactional(readOnly = true)
    public boolean profileComplete(long workerId) {
        return matching.profileComplete(workerId);
    }

    /** The worker marks an open offer as interesting; it reaches the tutor of their open pathway. */
    public VacancyInterest interested(long workerId, String actor, long vacancyId) {
        Vacancy v = vacancies.findById(vacancyId).orElseThrow(NotFoundException::new);
        PathwaySummary p = pathways.latestOfWorker(workerId).orElseThrow(NotFoundException::new);
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) l").params((int) vacancyId, (int) workerId)
                .query(Integer.class).single();
        VacancyInterest i = interests.saveAndFlush(VacancyInterest.express(v, p.id(), workerId, p.centreId(), p.closed(),
                interests.existsByVacancyIdAndWorkerId(vacancyId, workerId), actor, Instant.now()));
        audit.recordAs(actor, "WORKER_OFFER_INTEREST", "Vacancy", vacancyId,
                Detail.of("audit.detail.interest", v.getProfile(), p.id()).encoded());
        return i;
    }

    /** The worker's interests, the latest first. */
    @Transactional(readOnly = true)
    public List<InterestRow> ofWorker(long workerId) {
        return rows(interests.findByWorkerIdOrderByExpressedAtDesc(workerId), workerId);
    }

    // ---- the tutor ----

    /** The interests of a pathway the user sees, the latest first (the pathway's page). */
    @Transactional(readOnly = true)
    public List<InterestRow> ofPathway(CurrentUser user, long pathwayId) {
        return pathways.find(user, pathwayId).map(p -> rows(interests.findByPathwayIdOrderByExpressedAtDesc(pathwayId),
                p.workerId())).orElse(List.of());
    }

    /** One interest, if the user sees its pathway; 404 otherwise. */
    @Transactional(readOnly = true)
    public InterestRow interest(CurrentUser user, long id) {
        VacancyInterest i = ActGuard.visible(interests.findById(id), x -> pathways.find(user, x.getPathwayId()).isPresent());
        return rows(List.of(i), i.getWorkerId()).get(0);
    }

    /** Whether the user decides on the interest: the pathway's tutor, or the provider CPI's master or operators. */
    @Transactional(readOnly = true)
    public boolean canDecide(CurrentUser user, long pathwayId) {
        return pathways.find(user, pathwayId).filter(p -> rights.canPropose(user, p)).isPresent();
    }

    /** The tutor decides not to propose the worker for the offer, with the reason the worker reads. */
    public void setAside(CurrentUser user, long id, Long version, String reason) {
        VacancyInterest i = ActGuard.act(interests.findById(id), x -> pathways.find(user, x.getPathwayId()).isPresent(),
                x -> canDecide(user, x.getPathwayId()), VacancyInterest::getVersion, version, "referral");
        i.setAside(reason, proposedFor(i.getWorkerId()).contains(i.getVacancyId()), user.username(), Instant.now());
        audit.recordAs(user.username(), "OFFER_INTEREST_SET_ASIDE", "Vacancy", i.getVacancyId(),
                Detail.of("audit.detail.interestSetAside", i.getPathwayId(), i.getSetAsideReason()).encoded());
    }

    private List<InterestRow> rows(List<VacancyInterest> list, long workerId) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Vacancy> offers = vacancies.findAllById(list.stream().map(VacancyInterest::getVacancyId).toList())
                .stream().collect(Collectors.toMap(Vacancy::getId, Function.identity()));
        Set<Long> proposed = proposedFor(workerId);
        return list.stream().map(i -> {
            return InterestRow.of(i, offers.get(i.getVacancyId()), i.state(proposed.contains(i.getVacancyId())));
        }).toList();
    }

    /** The offers the worker was ever proposed for (whatever became of the referral). */
    private Set<Long> proposedFor(long workerId) {
        return new HashSet<>(jdbc.sql("select distinct vacancy_id from vacancies_referral where worker_id = ?")
                .param(workerId).query(Long.class).list());
    }
}
