package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.PathwaySummary;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.Referral;
import it.ricolloca.vacancies.ReferralOutcomeRecorded;
import it.ricolloca.vacancies.ReferralProposed;
import it.ricolloca.vacancies.ReferralStatus;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyRefusedException;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.Timestamp;
import java.util.Objects;

/**
 * Referrals: a tutor (or the master or an operator of the provider CPI) proposes a worker in
 * pathway for an open offer; the offer's referent is told and records the evaluation, the tutor
 * is told each step; a hire can close the pathway as hired. A candidate is proposed once at a
 * time for an offer.
 */
@Service
@Transactional
public class Referrals {

    /** A referral as lists show it. */
    public record ReferralRow(Referral referral, String workerName, String proposedBy,
            String vacancyProfile, String companyName) {
    }

    /** A line of a referral's history. */
    public record HistoryLine(Instant at, String username, ReferralStatus from, ReferralStatus to, String note) {
    }

    private final ReferralRepository referrals;
    private final VacancyBoard board;
    private final VacancyRights rights;
    private final Pathways pathways;
    private final Workers workers;
    private final StaffDirectory staff;
    private final JobCentres centres;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Messages messages;

    Referrals(ReferralRepository referrals, VacancyBoard board, VacancyRights rights, Pathways pathways, Workers workers,
            StaffDirectory staff, JobCentres centres, AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc,
            Messages messages) {
        this.messages = messages;
        this.referrals = referrals;
        this.board = board;
        this.rights = rights;
        this.pathways = pathways;
        this.workers = workers;
        this.staff = staff;
        this.centres = centres;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Whether the user proposes for this pathway: its tutor, or the provider CPI's master or operators. */
    public boolean canPropose(CurrentUser user, PathwaySummary p) {
        return rights.canPropose(user, p);
    }

    /** Refuses (403) a user who follows no open pathway: they have no one to propose. */
    @Transactional(readOnly = true)
    public void requireProposer(CurrentUser user) {
        ActGuard.require(!pathways.openIdsFor(user).isEmpty(), "referral");
    }

    public Referral propose(CurrentUser user, long vacancyId, long pathwayId, String note) {
        Vacancy v = board.get(user, vacancyId);
        PathwaySummary p = ActGuard.allowed(pathways.find(user, pathwayId), x -> true, x -> rights.canPropose(user, x),
                "referral");
        if (!v.getStatus().takesReferrals()) {
            throw new VacancyRefusedException("referral.error.vacancyNotOpen");
        }
        if (p.closed()) {
            throw new VacancyRefusedException("referral.error.pathwayClosed");
        }
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) l").params((int) vacancyId, (int) p.workerId())
                .query(Integer.class).single();
        boolean active = jdbc.sql("""
                select exists (select 1 from vacancies_referral where vacancy_id = ? and worker_id = ?
                    and status not in ('NOT_SELECTED', 'WITHDRAWN'))""").params(vacancyId, p.workerId())
                .query(Boolean.class).single();
        if (active) {
            throw new VacancyRefusedException("referral.error.duplicate");
        }
        Referral r = referrals.saveAndFlush(new Referral(vacancyId, pathwayId, p.workerId(), user.id(), note, Instant.now()));
        history(r.getId(), user.username(), null, ReferralStatus.PROPOSED, r.getNote());
        String worker = workers.find(p.workerId()).map(WorkerSummary::displayName).orElse("");
        audit.recordAs(user.username(), "REFERRAL_PROPOSED", "Referral", r.getId(),
                "offerta " + vacancyId + ", percorso " + pathwayId);
        events.publishEvent(new ReferralProposed(r.getId(), vacancyId, v.getProfile(), v.getCompanyName(),
                addressOf(v), worker, user.fullName(), r.getNote()));
        return r;
    }

    /** Where a proposal is announced: the offer's referent, else its CPI, else the regional agency. */
    private String addressOf(Vacancy v) {
        if (v.getReferentEmail() != null) {
            return v.getReferentEmail();
        }
        if (v.getCentreId() != null) {
            return centres.find(v.getCentreId()).map(c -> c.email()).orElse(null);
        }
        return centres.regionalAgency().map(a -> a.getEmail()).orElse(null);
    }

    /** The referent records a step; a withdrawal may also come from the pathway's staff. */
    public Referral record(CurrentUser user, long referralId, Long version, ReferralStatus to, String reason) {
        Referral r = recordable(user, referralId, to, version);
        Vacancy v = board.get(user, r.getVacancyId());
        ReferralStatus from = r.getStatus();
        r.record(to, reason, Instant.now());
        referrals.saveAndFlush(r);
        long eventId = history(r.getId(), user.username(), from, to, r.getReason());
        audit.recordAs(user.username(), "REFERRAL_" + to.name(), "Referral", r.getId(),
                from + " → " + to);
        String tutorEmail = staff.find(r.getProposedByUserId()).map(StaffMember::email).orElse(null);
        events.publishEvent(new ReferralOutcomeRecorded(r.getId(), eventId, v.getId(), v.getProfile(), v.getCompanyName(),
                tutorEmail, workers.find(r.getWorkerId()).map(WorkerSummary::displayName).orElse(""), to, r.getReason()));
        return r;
    }

    /**
     * The referral, when the user may record this step on it at this version: the offer's referents
     * record every step, the pathway's staff the withdrawal.
     */
    @Transactional(readOnly = true)
    public Referral recordable(CurrentUser user, long referralId, ReferralStatus to, Long version) {
        Referral r = visible(user, referralId);
        Vacancy v = board.get(user, r.getVacancyId());
        boolean referent = rights.canEdit(user, v);
        boolean pathwayStaff = pathways.find(user, r.getPathwayId()).filter(p -> rights.worksOn(user, p)).isPresent();
        // Without a status chosen yet (a blank form) the tutor may still be the one acting: the field's
        // error answers, not a refusal.
        ActGuard.require(referent || (to == null || to == ReferralStatus.WITHDRAWN) && pathwayStaff, "referral");
        ActGuard.current(r.getVersion(), version);
        return r;
    }

    /**
     * The pathway a hire would close, when the user works on it, the referent recorded the hire and
     * the form was read at the pathway's current version.
     */
    @Transactional(readOnly = true)
    public long hirable(CurrentUser user, long referralId, Long pathwayVersion) {
        Referral r = visible(user, referralId);
        PathwaySummary p = ActGuard.allowed(pathways.find(user, r.getPathwayId()), x -> true,
                x -> rights.worksOn(user, x), "referral");
        if (r.getStatus() != ReferralStatus.HIRED) {
            throw new VacancyRefusedException("referral.error.notHired");
        }
        ActGuard.current(p.version(), pathwayVersion);
        return p.id();
    }

    /** Closes the worker's pathway as hired by the offer's company, once the referent recorded the hire. */
    public void closePathway(CurrentUser user, long referralId, Long pathwayVersion, LocalDate on, String employerVat,
            ContractType contract, BigDecimal weeklyHours, LocalDate hireStart, Integer durationMonths) {
        long pathwayId = hirable(user, referralId, pathwayVersion);
        Referral r = visible(user, referralId);
        Vacancy v = board.get(user, r.getVacancyId());
        pathways.closeAsHired(user, pathwayId, pathwayVersion, on,
                new Pathway.Hire(v.getCompanyName(), employerVat, contract, weeklyHours, hireStart, durationMonths),
                messages.t("referral.hire.pathwayNote", String.valueOf(v.getId())));
    }

    /** The referral, if the user may see it: the offer's referents, the pathway's CPI, the region. */
    @Transactional(readOnly = true)
    public Referral visible(CurrentUser user, long referralId) {
        Referral r = referrals.findById(referralId).orElseThrow(NotFoundException::new);
        if (pathways.find(user, r.getPathwayId()).isPresent()) {
            return r;
        }
        return ActGuard.visible(Optional.of(r), x -> rights.canEdit(user, board.get(user, x.getVacancyId())));
    }

    /**
     * The referrals of an offer: all of them to its referents (who evaluate the candidates) and the
     * region, only the user's own CPI's candidates to anyone else.
     */
    @Transactional(readOnly = true)
    public List<ReferralRow> ofVacancy(CurrentUser user, Vacancy v) {
        boolean all = rights.canEdit(user, v) || user.isRegional();
        return referrals.findByVacancyIdOrderByProposedAtDesc(v.getId()).stream()
                .map(r -> row(user, r, v, all)).filter(Objects::nonNull).toList();
    }

    /** The referrals of one pathway, for its page. */
    @Transactional(readOnly = true)
    public List<ReferralRow> ofPathway(CurrentUser user, long pathwayId) {
        if (pathways.find(user, pathwayId).isEmpty()) {
            return List.of();
        }
        return referrals.findByPathwayIdOrderByProposedAtDesc(pathwayId).stream()
                .map(r -> row(user, r, board.get(user, r.getVacancyId()), true)).toList();
    }

    private ReferralRow row(CurrentUser user, Referral r, Vacancy v, boolean all) {
        if (!all && pathways.find(user, r.getPathwayId()).isEmpty()) {
            return null;
        }
        return new ReferralRow(r, workers.find(r.getWorkerId()).map(WorkerSummary::displayName).orElse(""),
                staff.find(r.getProposedByUserId()).map(StaffMember::fullName).orElse(""), v.getProfile(),
                v.getCompanyName());
    }

    @Transactional(readOnly = true)
    public List<HistoryLine> history(long referralId) {
        return jdbc.sql("""
                select at, username, from_status, to_status, note from vacancies_referral_event
                where referral_id = ? order by at, id""").param(referralId)
                .query((rs, n) -> new HistoryLine(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? null : ReferralStatus.valueOf(rs.getString(3)),
                        ReferralStatus.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    private long history(long referralId, String username, ReferralStatus from, ReferralStatus to, String note) {
        return jdbc.sql("""
                insert into vacancies_referral_event (referral_id, at, username, from_status, to_status, note)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(referralId, Timestamp.from(Instant.now()), username, from == null ? null : from.name(),
                        to.name(), note)
                .query(Long.class).single();
    }

    /** How many candidates of an offer were hired. */
    @Transactional(readOnly = true)
    public long hires(long vacancyId) {
        return jdbc.sql("select count(*) from vacancies_referral where vacancy_id = ? and status = 'HIRED'")
                .param(vacancyId).query(Long.class).single();
    }
}
