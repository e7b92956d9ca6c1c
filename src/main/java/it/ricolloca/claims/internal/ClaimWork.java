package it.ricolloca.claims.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.claims.Claim;
import it.ricolloca.claims.ClaimKind;
import it.ricolloca.claims.ClaimRefusedException;
import it.ricolloca.claims.ClaimStatus;
import it.ricolloca.claims.TariffBand;
import it.ricolloca.claims.Tariffs;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.documents.Upload;
import it.ricolloca.pathway.PathwayClosed;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.shared.web.Numbers;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepares the claim of a closed pathway and carries it through review, submission and the
 * national agency's answer. The provider CPI's master and operators prepare and review; the
 * master submits, within the office cap (Fee4Service hours at most the parameter's hours per
 * success of the office); the master or the regional AdR service records payment or refusal.
 */
@Service
@Transactional
public class ClaimWork {

    /** An office's Fee4Service cap: its successes, the hours they allow, the hours already claimed. */
    public record OfficeCap(long successes, int hoursPerSuccess, BigDecimal allowedHours, BigDecimal claimedHours) {

        /** The cap of an office with so many successes, each allowing {@code hoursPerSuccess} hours. */
        public static OfficeCap of(long successes, int hoursPerSuccess, BigDecimal claimedHours) {
            return new OfficeCap(successes, hoursPerSuccess, BigDecimal.valueOf(successes * hoursPerSuccess), claimedHours);
        }

        public BigDecimal remaining() {
            return allowedHours.subtract(claimedHours).max(BigDecimal.ZERO);
        }

        /** Whether {@code hours} more can be claimed: the hours claimed with them reach the allowed ones at most. */
        public boolean admits(BigDecimal hours) {
            return claimedHours.add(hours).compareTo(allowedHours) <= 0;
        }
    }

    /** The rights an act on a claim needs. */
    public enum Right {
        PREPARE, SUBMIT, DECIDE
    }

    private static final int OFFICE_LOCK = 0x434C41;

    private final ClaimRepository claims;
    private final Tariffs tariffs;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Workers workers;
    private final ClaimRights rights;
    private final Messages messages;
    private final ClaimPeople people;

    ClaimWork(ClaimRepository claims, Tariffs tariffs, Dossier dossier, AuditTrail audit, JdbcClient jdbc, Workers workers,
            ClaimRights rights, Messages messages, ClaimPeople people) {
        this.people = people;
        this.claims = claims;
        this.rights = rights;
        this.messages = messages;
        this.tariffs = tariffs;
        this.dossier = dossier;
        this.workers = workers;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * The claim of a pathway just closed, once: a success fee when the hire falls in a band in force
     * on its start date, with the worker's profiling index on record in the register; otherwise the Fee4Service for the hours served (none when no hour was served); a pathway closed by
     * decadenza ended without a job, so only the Fee4Service, said so in the claim's explanation.
     */
    public Optional<Claim> prepare(PathwayClosed e) {
        Optional<Claim> existing = claims.findByPathwayId(e.pathwayId());
        if (existing.isPresent()) {
            return existing;
        }
        Claim.Closing closing = new Claim.Closing(e.pathwayId(), e.workerId(), e.centreId(), e.officeId(), e.outcome(),
                e.closedOn(), e.hireContract(), e.hireDurationMonths(), e.closedBy(), Instant.now());
        Claim claim;
        if (e.outcome() == PathwayOutcome.HIRED) {
            LocalDate on = e.hireStart() == null ? e.closedOn() : e.hireStart();
            Optional<TariffBand> band = tariffs.band(e.hireContract(), e.hireDurationMonths(), on);
            if (band.isPresent()) {
                BigDecimal profiling = workers.profilingIndex(e.workerId()).orElse(null);
                claim = Claim.success(closing, on, profiling, tariffs.success(band.get(), profiling, on), null);
            } else {
                claim = feeForService(closing, e, "claim.explanation.noBand");
            }
        } else if (e.outcome() == PathwayOutcome.LOSS_OF_BENEFIT) {
            // a service ended by decadenza ended without a job: Fee4Service for the hours served, no success fee
            claim = feeForService(closing, e, "claim.explanation.decadenza");
        } else {
            claim = feeForService(closing, e, null);
        }
        if (claim == null) {
            return Optional.empty();
        }
        Claim saved = claims.save(claim);
        people.copy().add(saved.getWorkerId());
        audit.recordAs(e.closedBy(), "CLAIM_PREPARED", "Claim", saved.getId(), Detail.of("audit.detail.claimPrepared",
                Detail.label(saved.getKind().labelKey()), e.pathwayId(), Numbers.amount(saved.getAmount())).encoded());
        return Optional.of(saved);
    }

    private Claim feeForService(Claim.Closing closing, PathwayClosed e, String explanation) {
        if (e.serviceHours() == null || e.serviceHours().signum() <= 0) {
            return null;
        }
        Tariffs.FeeForService fee = tariffs.feeForService(e.serviceHours(), e.closedOn());
        List<DossierDocument> documents = dossier.ofWorker(e.workerId());
        return Claim.feeForService(closing, e.closedOn(), fee, latest(documents, DocumentKind.TIMESHEET_SIGNED),
                latest(documents, DocumentKind.PACT_SIGNED), explanation);
    }

    /** The newest document of that kind (the dossier lists newest first). */
    private static Long latest(List<DossierDocument> documents, DocumentKind kind) {
        return documents.stream().filter(d -> d.kind() == kind).map(DossierDocument::id).findFirst().orElse(null);
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public Claim get(CurrentUser user, long id) {
        return ActGuard.visible(claims.findById(id), c -> rights.canSee(user, c.getCentreId()));
    }

    @Transactional(readOnly = true)
    public Optional<Claim> ofPathway(CurrentUser user, long pathwayId) {
        return claims.findByPathwayId(pathwayId).filter(c -> rights.canSee(user, c.getCentreId()));
    }

    @Transactional(readOnly = true)
    public List<DossierDocument> attachments(Claim c) {
        List<Long> ids = Stream.of(c.getTimesheetDocumentId(), c.getPactDocumentId()).filter(Objects::nonNull).toList();
        return ids.isEmpty() ? List.of() : dossier.find(ids);
    }

    /** The office's cap today: successes are its success claims not refused; claimed hours those submitted or paid. */
    @Transactional(readOnly = true)
    public OfficeCap officeCap(long officeId) {
        return officeCap(officeId, Dates.today());
    }

    private OfficeCap officeCap(long officeId, LocalDate on) {
        return jdbc.sql("""
                select count(*) filter (where kind = 'SUCCESS' and status <> 'REFUSED'),
                    coalesce(sum(claimed_hours) filter (where kind = 'FEE_FOR_SERVICE'
                        and status in ('SUBMITTED', 'PAID')), 0)
                from claims_claim where office_id = ?""").param(officeId)
                .query((rs, n) -> {
                    int perSuccess = tariffs.hoursPerSuccess(on);
                    return OfficeCap.of(rs.getLong(1), perSuccess, rs.getBigDecimal(2));
                }).single();
    }

    // ---- acts ----

    public void recordProfiling(CurrentUser user, long id, Long version, BigDecimal index) {
        Claim c = act(user, id, version, Right.PREPARE);
        Claim.requireProfilingIndex(index);
        c.recordProfiling(index, tariffs.success(c.getBand(), index, c.getTariffDate()));
        audit.recordAs(user.username(), "CLAIM_PROFILING", "Claim", id, Detail.of("audit.detail.profiling",
                Numbers.format(index), Numbers.amount(c.getAmount())).encoded());
    }

    /** Keeps a signed timesheet or pact in the worker's dossier and attaches it to the claim. */
    public void attach(CurrentUser user, long id, Long version, DocumentKind kind, Upload upload) {
        Claim c = act(user, id, version, Right.PREPARE);
        if (kind != DocumentKind.TIMESHEET_SIGNED && kind != DocumentKind.PACT_SIGNED) {
            throw new ClaimRefusedException("claim.attachment.kind");
        }
        if (upload == null) {
            throw new ClaimRefusedException("claim.attachment.file");
        }
        if (c.getStatus() != ClaimStatus.PREPARED) {
            throw new ClaimRefusedException("claim.status.wrong.PREPARED");
        }
        DossierDocument doc = dossier.storeUpload(c.getWorkerId(), kind, messages.t(kind == DocumentKind.TIMESHEET_SIGNED
                ? "claim.attach.timesheet" : "claim.attach.pact"), upload, user.username());
        c.attach(kind == DocumentKind.TIMESHEET_SIGNED ? doc.id() : null, kind == DocumentKind.PACT_SIGNED ? doc.id() : null);
        audit.recordAs(user.username(), "CLAIM_ATTACHMENT", "Claim", id, Detail.of("audit.detail.attachment", Detail.label(kind.labelKey()), doc.id()).encoded());
    }

    public void review(CurrentUser user, long id, Long version) {
        Claim c = act(user, id, version, Right.PREPARE);
        c.review(user.username(), Dates.today());
        audit.recordAs(user.username(), "CLAIM_REVIEWED", "Claim", id,
                Detail.of("audit.detail.claim", Detail.label(c.getKind().labelKey()), Numbers.amount(c.getAmount())).encoded());
    }

    /** Submits the claim; a Fee4Service claim only within its office's cap, checked under a lock per office. */
    public void submit(CurrentUser user, long id, Long version) {
        Claim c = act(user, id, version, Right.SUBMIT);
        if (c.getKind() == ClaimKind.FEE_FOR_SERVICE) {
            jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(OFFICE_LOCK, (int) c.getOfficeId())
                    .query(Object.class).single();
            OfficeCap cap = officeCap(c.getOfficeId(), Dates.today());
            if (!cap.admits(c.getClaimedHours())) {
                throw new ClaimRefusedException("claim.officeCap", cap.claimedHours(), cap.allowedHours(),
                        cap.hoursPerSuccess(), cap.successes(), c.getClaimedHours());
            }
        }
        c.submit(user.username(), Dates.today());
        audit.recordAs(user.username(), "CLAIM_SUBMITTED", "Claim", id,
                Detail.of("audit.detail.claim", Detail.label(c.getKind().labelKey()), Numbers.amount(c.getAmount())).encoded());
    }

    public void recordPayment(CurrentUser user, long id, Long version, BigDecimal amount, LocalDate on) {
        Claim c = act(user, id, version, Right.DECIDE);
        c.recordPayment(amount, on, user.username(), Dates.today());
        audit.recordAs(user.username(), "CLAIM_PAID", "Claim", id, Detail.of("audit.detail.paid", Numbers.amount(c.getPaidAmount()), on).encoded());
    }

    public void recordRefusal(CurrentUser user, long id, Long version, String reason, LocalDate on) {
        Claim c = act(user, id, version, Right.DECIDE);
        c.recordRefusal(reason, on, user.username(), Dates.today());
        audit.recordAs(user.username(), "CLAIM_REFUSED", "Claim", id, "");
    }

    /** The claim when the user may see it and holds the right (404 or 403 otherwise), before any form value is read. */
    @Transactional(readOnly = true)
    public Claim allowed(CurrentUser user, long id, Right right) {
        return ActGuard.allowed(claims.findById(id), c -> rights.canSee(user, c.getCentreId()),
                c -> holds(user, c.getCentreId(), right), "claim");
    }

    private boolean holds(CurrentUser user, long centreId, Right right) {
        return right == Right.PREPARE ? rights.canPrepare(user, centreId)
                : right == Right.SUBMIT ? rights.canSubmit(user, centreId) : rights.canDecide(user, centreId);
    }

    /** The claim the user may see, when they hold the act's right on its CPI and the form was read at its version. */
    private Claim act(CurrentUser user, long id, Long version, Right right) {
        return ActGuard.act(claims.findById(id), c -> rights.canSee(user, c.getCentreId()),
                c -> holds(user, c.getCentreId(), right), Claim::getVersion, version, "claim");
    }
}
