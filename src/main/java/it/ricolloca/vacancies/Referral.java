package it.ricolloca.vacancies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A worker in pathway proposed by their tutor for an offer: the referent evaluates it along
 * {@link ReferralStatus#next()}; a candidate not selected carries the reason.
 */
@Entity
@Table(name = "vacancies_referral")
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vacancy_id")
    private long vacancyId;

    @Column(name = "pathway_id")
    private long pathwayId;

    @Column(name = "worker_id")
    private long workerId;

    @Column(name = "proposed_by_user_id")
    private long proposedByUserId;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    private String note;

    @Enumerated(EnumType.STRING)
    private ReferralStatus status;

    private String reason;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Referral() {
    }

    public Referral(long vacancyId, long pathwayId, long workerId, long proposedByUserId, String note, Instant now) {
        if (note != null && note.strip().length() > 2000) {
            throw new VacancyRefusedException("referral.error.note");
        }
        this.vacancyId = vacancyId;
        this.pathwayId = pathwayId;
        this.workerId = workerId;
        this.proposedByUserId = proposedByUserId;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.status = ReferralStatus.PROPOSED;
        this.proposedAt = now;
        this.updatedAt = now;
    }

    /** Records the next step of the evaluation; a candidate not selected needs the reason. */
    public void record(ReferralStatus to, String why, Instant now) {
        if (to == null || !status.next().contains(to)) {
            throw new VacancyRefusedException("referral.status.illegal");
        }
        String r = why == null || why.isBlank() ? null : why.strip();
        if (to == ReferralStatus.NOT_SELECTED && r == null) {
            throw new VacancyRefusedException("referral.error.reason");
        }
        if (r != null && r.length() > 1000) {
            throw new VacancyRefusedException("referral.error.reasonLength");
        }
        status = to;
        reason = r;
        updatedAt = now;
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

    public long getProposedByUserId() {
        return proposedByUserId;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getNote() {
        return note;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
