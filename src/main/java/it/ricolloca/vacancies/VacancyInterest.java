package it.ricolloca.vacancies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The worker marked an offer of the board as interesting ("mi interessa") from their own pages. It
 * reaches the tutor of their pathway, who decides: propose the worker (the referral, as any proposal)
 * or set the interest aside with a reason the worker reads. Once per offer and worker.
 */
@Entity
@Table(name = "vacancies_interest")
public class VacancyInterest {

    /** Where an interest stands, as the worker and the tutor read it. */
    public enum State {
        PENDING,
        PROPOSED,
        SET_ASIDE;

        public String labelKey() {
            return "interest.state." + name();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vacancy_id")
    private long vacancyId;

    @Column(name = "pathway_id")
    private long pathwayId;

    @Column(name = "worker_id")
    private long workerId;

    @Column(name = "centre_id")
    private long centreId;

    @Column(name = "expressed_at")
    private Instant expressedAt;

    @Column(name = "expressed_by")
    private String expressedBy;

    @Column(name = "set_aside_reason")
    private String setAsideReason;

    @Column(name = "set_aside_by")
    private String setAsideBy;

    @Column(name = "set_aside_at")
    private Instant setAsideAt;

    @Version
    private long version;

    protected VacancyInterest() {
    }

    /** The worker's interest for an offer that takes referrals, in their open pathway. */
    public static VacancyInterest express(Vacancy v, long pathwayId, long workerId, long centreId, boolean pathwayClosed,
            boolean already, String by, Instant now) {
        if (pathwayClosed) {
            throw new VacancyRefusedException("interest.error.pathwayClosed");
        }
        if (!v.getStatus().takesReferrals()) {
            throw new VacancyRefusedException("referral.error.vacancyNotOpen");
        }
        if (already) {
            throw new VacancyRefusedException("interest.error.already");
        }
        VacancyInterest i = new VacancyInterest();
        i.vacancyId = v.getId();
        i.pathwayId = pathwayId;
        i.workerId = workerId;
        i.centreId = centreId;
        i.expressedAt = now;
        i.expressedBy = by;
        return i;
    }

    /** The tutor decides not to propose the worker, with a reason; {@code proposed}: a referral already exists. */
    public void setAside(String reason, boolean proposed, String by, Instant now) {
        if (setAsideAt != null || proposed) {
            throw new VacancyRefusedException("interest.error.decided");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new VacancyRefusedException("interest.error.reason");
        }
        this.setAsideReason = reason.strip();
        this.setAsideBy = by;
        this.setAsideAt = now;
    }

    /** The state, given whether the worker was proposed for the offer. */
    public State state(boolean proposed) {
        return proposed ? State.PROPOSED : setAsideAt != null ? State.SET_ASIDE : State.PENDING;
    }

    public Long getId() {
        return id;
    }

    public long getVacancyId() {
        return vacancyId;
    }

    public long getPathwayId() {
        return pathwayId;
    }

    public long getWorkerId() {
        return workerId;
    }

    public long getCentreId() {
        return centreId;
    }

    public Instant getExpressedAt() {
        return expressedAt;
    }

    public String getExpressedBy() {
        return expressedBy;
    }

    public String getSetAsideReason() {
        return setAsideReason;
    }

    public String getSetAsideBy() {
        return setAsideBy;
    }

    public Instant getSetAsideAt() {
        return setAsideAt;
    }

    public long getVersion() {
        return version;
    }
}
