package it.ricolloca.conditionality;

import it.ricolloca.shared.web.Dates;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * A breach of the worker's duties: reported with evidence by the provider (or, for a private
 * provider, entered by the competent CPI); the worker may justify it within the window; the
 * competent CPI then accepts the justification (the breach does not count) or applies a sanction,
 * the proposed one or another with a reason. A decided breach never changes.
 */
@Entity
@Table(name = "conditionality_breach")
public class Breach {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "worker_id")
    private long workerId;

    @Column(name = "request_id")
    private Long requestId;

    @Column(name = "competent_centre_id")
    private long competentCentreId;

    private String provider;

    @Enumerated(EnumType.STRING)
    private BreachKind kind;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    private String evidence;

    @Column(name = "reported_by")
    private String reportedBy;

    @Column(name = "reported_on")
    private LocalDate reportedOn;

    @Column(name = "justification_deadline")
    private LocalDate justificationDeadline;

    private String justification;

    @Column(name = "justified_on")
    private LocalDate justifiedOn;

    @Enumerated(EnumType.STRING)
    private BreachStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_sanction")
    private Sanction proposedSanction;

    @Enumerated(EnumType.STRING)
    private Sanction sanction;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Version
    private long version;

    protected Breach() {
    }

    public static Breach report(long workerId, Long requestId, long competentCentreId, String provider, BreachKind kind,
            LocalDate occurredOn, String evidence, String by, LocalDate today, int justificationDays) {
        if (kind == null) {
            throw new ConditionalityRefusedException("conditionality.kind.required");
        }
        if (occurredOn == null || occurredOn.isAfter(today)) {
            throw new ConditionalityRefusedException("conditionality.date.invalid");
        }
        if (evidence == null || evidence.isBlank() || evidence.length() > 4000) {
            throw new ConditionalityRefusedException("conditionality.evidence.required");
        }
        if (provider == null || provider.isBlank() || provider.length() > 200) {
            throw new ConditionalityRefusedException("conditionality.provider.required");
        }
        Breach b = new Breach();
        b.workerId = workerId;
        b.requestId = requestId;
        b.competentCentreId = competentCentreId;
        b.provider = provider.strip();
        b.kind = kind;
        b.occurredOn = occurredOn;
        b.evidence = evidence.strip();
        b.reportedBy = by;
        b.reportedOn = today;
        b.justificationDeadline = today.plusDays(justificationDays);
        b.status = BreachStatus.REPORTED;
        return b;
    }

    /** Records the justification the worker sent (late ones are kept and said late). */
    public void recordJustification(String text, LocalDate receivedOn, LocalDate today) {
        requireOpen();
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw new ConditionalityRefusedException("conditionality.justification.required");
        }
        if (receivedOn == null || receivedOn.isBefore(reportedOn) || receivedOn.isAfter(today)) {
            throw new ConditionalityRefusedException("conditionality.date.range", Dates.format(reportedOn));
        }
        this.justification = text.strip();
        this.justifiedOn = receivedOn;
    }

    /** The justification is accepted: the breach does not count on the ladder. */
    public void acceptJustification(String reason, String by, LocalDate today) {
        requireDecidable(today);
        if (justification == null) {
            throw new ConditionalityRefusedException("conditionality.justification.none");
        }
        decide(BreachStatus.JUSTIFIED, null, reason, by, today);
    }

    /**
     * Applies a sanction: the one the ladder proposes, or another with a reason that explains why.
     */
    public void applySanction(Sanction proposed, Sanction chosen, String reason, String by, LocalDate today) {
        applySanction(proposed, chosen, reason, by, today, null);
    }

    /**
     * As above, with the latest suitable-offer finding on the offer refused (null when none): a
     * decadenza for a refused offer needs a finding that says the offer was suitable. No proposal
     * ({@code null}) means decadenza was already decided for the worker: no sanction applies.
     */
    public void applySanction(Sanction proposed, Sanction chosen, String reason, String by, LocalDate today,
            SuitabilityFinding finding) {
        requireDecidable(today);
        if (chosen == null) {
            throw new ConditionalityRefusedException("conditionality.sanction.required");
        }
        if (proposed == null) {
            throw new ConditionalityRefusedException("conditionality.noSanctionApplies");
        }
        if (kind == BreachKind.REFUSED_OFFER && chosen == Sanction.LOSS_OF_BENEFIT) {
            if (finding == null) {
                throw new ConditionalityRefusedException("conditionality.decadenza.noFinding");
            }
            if (!finding.suitable()) {
                throw new ConditionalityRefusedException("conditionality.decadenza.notSuitable");
            }
        }
        if (chosen != proposed && (reason == null || reason.isBlank())) {
            throw new ConditionalityRefusedException("conditionality.override.reason");
        }
        this.proposedSanction = proposed;
        decide(BreachStatus.SANCTIONED, chosen, reason, by, today);
    }

    /**
     * Closes the breach without a sanction: decadenza was already decided for the worker, so no
     * further sanction applies (the breach stays recorded).
     */
    public void closeAfterDecadenza(String reason, String by, LocalDate today) {
        requireOpen();
        decide(BreachStatus.CLOSED_AFTER_DECADENZA, null, reason, by, today);
    }

    /** The worker's window is over, or the justification is in: the CPI may decide. */
    public boolean decidable(LocalDate today) {
        return status == BreachStatus.REPORTED && (justification != null || today.isAfter(justificationDeadline));
    }

    public boolean justificationLate() {
        return justifiedOn != null && justifiedOn.isAfter(justificationDeadline);
    }

    private void requireDecidable(LocalDate today) {
        requireOpen();
        if (!decidable(today)) {
            throw new ConditionalityRefusedException("conditionality.windowOpen", Dates.format(justificationDeadline));
        }
    }

    private void requireOpen() {
        if (status != BreachStatus.REPORTED) {
            throw new ConditionalityRefusedException("conditionality.decided");
        }
    }

    private void decide(BreachStatus outcome, Sanction chosen, String reason, String by, LocalDate today) {
        if (reason != null && reason.length() > 4000) {
            throw new ConditionalityRefusedException("conditionality.text.tooLong");
        }
        this.status = outcome;
        this.sanction = chosen;
        this.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        this.decidedBy = by;
        this.decidedOn = today;
    }

    public Long getId() {
        return id;
    }

    public long getWorkerId() {
        return workerId;
    }

    public Long getRequestId() {
        return requestId;
    }

    public long getCompetentCentreId() {
        return competentCentreId;
    }

    public String getProvider() {
        return provider;
    }

    public BreachKind getKind() {
        return kind;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public LocalDate getReportedOn() {
        return reportedOn;
    }

    public LocalDate getJustificationDeadline() {
        return justificationDeadline;
    }

    public String getJustification() {
        return justification;
    }

    public LocalDate getJustifiedOn() {
        return justifiedOn;
    }

    public BreachStatus getStatus() {
        return status;
    }

    public Sanction getProposedSanction() {
        return proposedSanction;
    }

    public Sanction getSanction() {
        return sanction;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public long getVersion() {
        return version;
    }
}
