package it.ricolloca.claims;

import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.PathwayOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reimbursement claim (domanda di rimborso) of one closed pathway: a success fee for a hire,
 * with the profiling index on record, or the Fee4Service for the hours served, with the signed
 * timesheet and pact from the dossier. Its amount keeps the parts it was computed from. Prepared
 * when the pathway closes; reviewed and submitted by the provider CPI; then paid or refused.
 */
@Entity
@Table(name = "claims_claim")
public class Claim {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pathway_id")
    private long pathwayId;

    @Column(name = "worker_id")
    private long workerId;

    @Column(name = "centre_id")
    private long centreId;

    @Column(name = "office_id")
    private long officeId;

    @Enumerated(EnumType.STRING)
    private ClaimKind kind;

    @Enumerated(EnumType.STRING)
    private ClaimStatus status;

    @Enumerated(EnumType.STRING)
    private PathwayOutcome outcome;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "tariff_date")
    private LocalDate tariffDate;

    @Enumerated(EnumType.STRING)
    private TariffBand band;

    @Enumerated(EnumType.STRING)
    private ContractType contract;

    @Column(name = "duration_months")
    private Integer durationMonths;

    @Column(name = "profiling_index")
    private BigDecimal profilingIndex;

    @Column(name = "service_hours")
    private BigDecimal serviceHours;

    @Column(name = "claimed_hours")
    private BigDecimal claimedHours;

    @Column(name = "hourly_rate")
    private BigDecimal hourlyRate;

    @Column(name = "minimum_amount")
    private BigDecimal minimumAmount;

    @Column(name = "maximum_amount")
    private BigDecimal maximumAmount;

    private BigDecimal amount;

    private String explanation;

    @Column(name = "timesheet_document_id")
    private Long timesheetDocumentId;

    @Column(name = "pact_document_id")
    private Long pactDocumentId;

    @Column(name = "prepared_at")
    private Instant preparedAt;

    @Column(name = "prepared_by")
    private String preparedBy;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_on")
    private LocalDate reviewedOn;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_on")
    private LocalDate submittedOn;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "paid_amount")
    private BigDecimal paidAmount;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Version
    private long version;

    protected Claim() {
    }

    /** The facts of the closed pathway every claim keeps. */
    public record Closing(long pathwayId, long workerId, long centreId, long officeId, PathwayOutcome outcome,
            LocalDate closedOn, ContractType contract, Integer durationMonths, String by, Instant at) {
    }

    public static Claim success(Closing c, LocalDate tariffDate, BigDecimal profilingIndex, Tariffs.Success tariff,
            String explanation) {
        Claim claim = new Claim(c, ClaimKind.SUCCESS, tariffDate, explanation);
        claim.profilingIndex = profilingIndex;
        claim.band = tariff.band();
        claim.minimumAmount = tariff.minimum();
        claim.maximumAmount = tariff.maximum();
        claim.amount = tariff.amount();
        return claim;
    }

    public static Claim feeForService(Closing c, LocalDate tariffDate, Tariffs.FeeForService fee, Long timesheetDocumentId,
            Long pactDocumentId, String explanation) {
        Claim claim = new Claim(c, ClaimKind.FEE_FOR_SERVICE, tariffDate, explanation);
        claim.applyFee(fee);
        claim.timesheetDocumentId = timesheetDocumentId;
        claim.pactDocumentId = pactDocumentId;
        return claim;
    }

    private Claim(Closing c, ClaimKind kind, LocalDate tariffDate, String explanation) {
        this.pathwayId = c.pathwayId();
        this.workerId = c.workerId();
        this.centreId = c.centreId();
        this.officeId = c.officeId();
        this.outcome = c.outcome();
        this.closedOn = c.closedOn();
        this.contract = c.contract();
        this.durationMonths = c.durationMonths();
        this.kind = kind;
        this.tariffDate = tariffDate;
        this.explanation = explanation;
        this.status = ClaimStatus.PREPARED;
        this.preparedBy = c.by();
        this.preparedAt = c.at();
    }

    private void applyFee(Tariffs.FeeForService fee) {
        this.serviceHours = fee.serviceHours();
        this.claimedHours = fee.claimedHours();
        this.hourlyRate = fee.hourlyRate();
        this.amount = fee.amount();
    }

    /** Records or corrects the worker's profiling index (from the national portal) and the success fee it gives. */
    public void recordProfiling(BigDecimal index, Tariffs.Success tariff) {
        requireStatus(ClaimStatus.PREPARED);
        if (kind != ClaimKind.SUCCESS) {
            throw new ClaimRefusedException("claim.profiling.notSuccess");
        }
        this.profilingIndex = requireProfilingIndex(index);
        this.minimumAmount = tariff.minimum();
        this.maximumAmount = tariff.maximum();
        this.amount = tariff.amount();
    }

    /** A profiling index as the national portal gives it: from 0 to 1, at most four decimals. */
    public static BigDecimal requireProfilingIndex(BigDecimal index) {
        if (index == null || index.signum() < 0 || index.compareTo(BigDecimal.ONE) > 0
                || index.stripTrailingZeros().scale() > 4) {
            throw new ClaimRefusedException("claim.profiling.invalid");
        }
        return index;
    }

    /** Attaches the signed timesheet or pact found in the dossier. */
    public void attach(Long timesheetDocumentId, Long pactDocumentId) {
        requireStatus(ClaimStatus.PREPARED);
        if (timesheetDocumentId != null) {
            this.timesheetDocumentId = timesheetDocumentId;
        }
        if (pactDocumentId != null) {
            this.pactDocumentId = pactDocumentId;
        }
    }

    /** What still stops the review, as message keys (empty: the claim can be reviewed). */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (kind == ClaimKind.SUCCESS && (profilingIndex == null || amount == null)) {
            missing.add("claim.missing.profiling");
        }
        if (kind == ClaimKind.FEE_FOR_SERVICE) {
            if (claimedHours == null || claimedHours.signum() <= 0) {
                missing.add("claim.missing.hours");
            }
            if (timesheetDocumentId == null) {
                missing.add("claim.missing.timesheet");
            }
            if (pactDocumentId == null) {
                missing.add("claim.missing.pact");
            }
        }
        return missing;
    }

    public void review(String by, LocalDate today) {
        requireStatus(ClaimStatus.PREPARED);
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new ClaimRefusedException(missing.get(0));
        }
        this.status = ClaimStatus.REVIEWED;
        this.reviewedBy = by;
        this.reviewedOn = today;
    }

    public void submit(String by, LocalDate today) {
        requireStatus(ClaimStatus.REVIEWED);
        this.status = ClaimStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedOn = today;
    }

    /** The national agency paid: the amount paid (at most the one claimed) and the date. */
    public void recordPayment(BigDecimal paid, LocalDate on, String by, LocalDate today) {
        requireStatus(ClaimStatus.SUBMITTED);
        if (paid == null || paid.signum() <= 0 || paid.scale() > 2 || paid.compareTo(amount) > 0) {
            throw new ClaimRefusedException("claim.payment.amount", amount);
        }
        requireDecisionDate(on, today);
        this.status = ClaimStatus.PAID;
        this.paidAmount = paid;
        this.decidedBy = by;
        this.decidedOn = on;
    }

    public void recordRefusal(String reason, LocalDate on, String by, LocalDate today) {
        requireStatus(ClaimStatus.SUBMITTED);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new ClaimRefusedException("claim.refusal.reason");
        }
        requireDecisionDate(on, today);
        this.status = ClaimStatus.REFUSED;
        this.refusalReason = reason.strip();
        this.decidedBy = by;
        this.decidedOn = on;
    }

    private void requireDecisionDate(LocalDate on, LocalDate today) {
        if (on == null || on.isAfter(today) || on.isBefore(submittedOn)) {
            throw new ClaimRefusedException("claim.decision.date");
        }
    }

    private void requireStatus(ClaimStatus expected) {
        if (status != expected) {
            throw new ClaimRefusedException("claim.status.wrong." + expected.name());
        }
    }

    public Long getId() {
        return id;
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

    public long getOfficeId() {
        return officeId;
    }

    public ClaimKind getKind() {
        return kind;
    }

    public ClaimStatus getStatus() {
        return status;
    }

    public PathwayOutcome getOutcome() {
        return outcome;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public LocalDate getTariffDate() {
        return tariffDate;
    }

    public TariffBand getBand() {
        return band;
    }

    public ContractType getContract() {
        return contract;
    }

    public Integer getDurationMonths() {
        return durationMonths;
    }

    public BigDecimal getProfilingIndex() {
        return profilingIndex;
    }

    public BigDecimal getServiceHours() {
        return serviceHours;
    }

    public BigDecimal getClaimedHours() {
        return claimedHours;
    }

    public BigDecimal getHourlyRate() {
        return hourlyRate;
    }

    public BigDecimal getMinimumAmount() {
        return minimumAmount;
    }

    public BigDecimal getMaximumAmount() {
        return maximumAmount;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getExplanation() {
        return explanation;
    }

    public Long getTimesheetDocumentId() {
        return timesheetDocumentId;
    }

    public Long getPactDocumentId() {
        return pactDocumentId;
    }

    public Instant getPreparedAt() {
        return preparedAt;
    }

    public String getPreparedBy() {
        return preparedBy;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public LocalDate getReviewedOn() {
        return reviewedOn;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public LocalDate getSubmittedOn() {
        return submittedOn;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public BigDecimal getPaidAmount() {
        return paidAmount;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public long getVersion() {
        return version;
    }
}
