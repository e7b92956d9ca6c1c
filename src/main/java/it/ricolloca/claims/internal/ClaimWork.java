package it.ricolloca.claims.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
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
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.workers.Workers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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

        public BigDecimal remaining() {
            return allowedHours.subtract(claimedHours).max(BigDecimal.ZERO);
        }
    }

    private static final int OFFICE_LOCK = 0x434C41;

    private final ClaimRepository claims;
    private final Tariffs tariffs;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Workers workers;

    ClaimWork(ClaimRepository claims, Tariffs tariffs, Dossier dossier, AuditTrail audit, JdbcClient jdbc, Workers workers) {
        this.claims = claims;
        this.tariffs = tariffs;
        this.dossier = dossier;
        this.workers = workers;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * The claim of a pathway just closed, once: a success fee when the hire falls in a band in force
     * on its start date, with the worker's profiling index on record in the register; otherwise the Fee4Service for the hours served (none when no hour was served).
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
        } else {
            claim = feeForService(closing, e, null);
        }
        if (claim == null) {
            return Optional.empty();
        }
        Claim saved = claims.save(claim);
        audit.recordAs(e.closedBy(), "CLAIM_PREPARED", "Claim", saved.getId(), saved.getKind() + " per il percorso "
                + e.pathwayId() + (saved.getAmount() == null ? "" : ", importo " + saved.getAmount()));
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

    // ---- rights ----

    public boolean canSee(CurrentUser user, long centreId) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE) || ownStaff(user, centreId);
    }

    /** Master and operators of the provider CPI prepare and review. */
    public boolean canPrepare(CurrentUser user, long centreId) {
        return ownStaff(user, centreId);
    }

    /** The provider CPI's master submits to the national agency. */
    public boolean canSubmit(CurrentUser user, long centreId) {
        return user.centreId() != null && user.centreId() == centreId && user.hasRole(Role.CPI_MASTER);
    }

    /** The answer of the national agency: recorded by the CPI's master or the regional AdR service. */
    public boolean canDecide(CurrentUser user, long centreId) {
        return canSubmit(user, centreId) || user.hasRole(Role.REGIONAL_ADR_SERVICE);
    }

    /** Whether the user sees claims at all (the register's menu and route). */
    public boolean canUseRegister(CurrentUser user) {
        return user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE)
                || user.centreId() != null && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }

    private static boolean ownStaff(CurrentUser user, long centreId) {
        return user.centreId() != null && user.centreId() == centreId
                && (user.hasRole(Role.CPI_MASTER) || user.hasRole(Role.CPI_OPERATOR));
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    public Claim get(CurrentUser user, long id) {
        return claims.findById(id).filter(c -> canSee(user, c.getCentreId())).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    public Optional<Claim> ofPathway(CurrentUser user, long pathwayId) {
        return claims.findByPathwayId(pathwayId).filter(c -> canSee(user, c.getCentreId()));
    }

    @Transactional(readOnly = true)
    public List<DossierDocument> attachments(Claim c) {
        List<Long> ids = java.util.stream.Stream.of(c.getTimesheetDocumentId(), c.getPactDocumentId())
                .filter(java.util.Objects::nonNull).toList();
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
                    long successes = rs.getLong(1);
                    return new OfficeCap(successes, perSuccess, BigDecimal.valueOf(successes * perSuccess),
                            rs.getBigDecimal(2));
                }).single();
    }

    // ---- acts ----

    public void recordProfiling(CurrentUser user, long id, long version, String text) {
        Claim c = changeable(user, id, version, canPrepare(user, claimCentre(id)));
        BigDecimal index = profiling(text);
        c.recordProfiling(index, tariffs.success(c.getBand(), index, c.getTariffDate()));
        audit.recordAs(user.username(), "CLAIM_PROFILING", "Claim", id, "indice " + index.toPlainString() + ", importo "
                + c.getAmount());
    }

    /** Keeps a signed timesheet or pact in the worker's dossier and attaches it to the claim. */
    public void attach(CurrentUser user, long id, long version, DocumentKind kind, Upload upload) {
        Claim c = changeable(user, id, version, canPrepare(user, claimCentre(id)));
        if (kind != DocumentKind.TIMESHEET_SIGNED && kind != DocumentKind.PACT_SIGNED) {
            throw new ClaimRefusedException("claim.attachment.kind");
        }
        if (upload == null) {
            throw new ClaimRefusedException("claim.attachment.file");
        }
        if (c.getStatus() != ClaimStatus.PREPARED) {
            throw new ClaimRefusedException("claim.status.wrong.PREPARED");
        }
        DossierDocument doc = dossier.storeUpload(c.getWorkerId(), kind, kind == DocumentKind.TIMESHEET_SIGNED
                ? "Timesheet Fee4Service firmato" : "Patto di ricerca intensiva firmato", upload, user.username());
        c.attach(kind == DocumentKind.TIMESHEET_SIGNED ? doc.id() : null, kind == DocumentKind.PACT_SIGNED ? doc.id() : null);
        audit.recordAs(user.username(), "CLAIM_ATTACHMENT", "Claim", id, kind + ": documento " + doc.id());
    }

    public void review(CurrentUser user, long id, long version) {
        Claim c = changeable(user, id, version, canPrepare(user, claimCentre(id)));
        c.review(user.username(), Dates.today());
        audit.recordAs(user.username(), "CLAIM_REVIEWED", "Claim", id, c.getKind() + ", importo " + c.getAmount());
    }

    /** Submits the claim; a Fee4Service claim only within its office's cap, checked under a lock per office. */
    public void submit(CurrentUser user, long id, long version) {
        Claim c = changeable(user, id, version, canSubmit(user, claimCentre(id)));
        if (c.getKind() == ClaimKind.FEE_FOR_SERVICE) {
            jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(OFFICE_LOCK, (int) c.getOfficeId())
                    .query(Object.class).single();
            OfficeCap cap = officeCap(c.getOfficeId(), Dates.today());
            if (cap.claimedHours().add(c.getClaimedHours()).compareTo(cap.allowedHours()) > 0) {
                throw new ClaimRefusedException("claim.officeCap", cap.claimedHours(), cap.allowedHours(),
                        cap.hoursPerSuccess(), cap.successes(), c.getClaimedHours());
            }
        }
        c.submit(user.username(), Dates.today());
        audit.recordAs(user.username(), "CLAIM_SUBMITTED", "Claim", id, c.getKind() + ", importo " + c.getAmount());
    }

    public void recordPayment(CurrentUser user, long id, long version, String amountText, LocalDate on) {
        Claim c = changeable(user, id, version, canDecide(user, claimCentre(id)));
        c.recordPayment(amount(amountText, c), on, user.username(), Dates.today());
        audit.recordAs(user.username(), "CLAIM_PAID", "Claim", id, c.getPaidAmount() + " il " + Dates.format(on));
    }

    public void recordRefusal(CurrentUser user, long id, long version, String reason, LocalDate on) {
        Claim c = changeable(user, id, version, canDecide(user, claimCentre(id)));
        c.recordRefusal(reason, on, user.username(), Dates.today());
        audit.recordAs(user.username(), "CLAIM_REFUSED", "Claim", id, "");
    }

    private long claimCentre(long id) {
        return claims.findById(id).map(Claim::getCentreId).orElseThrow(NotFoundException::new);
    }

    private Claim changeable(CurrentUser user, long id, long version, boolean allowed) {
        Claim c = get(user, id);
        if (!allowed) {
            throw new AccessDeniedException("claim");
        }
        if (c.getVersion() != version) {
            throw new ClaimRefusedException("claim.stale");
        }
        return c;
    }

    private static BigDecimal profiling(String text) {
        try {
            BigDecimal p = new BigDecimal(text == null ? "" : text.strip().replace(',', '.'));
            if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0 || p.scale() > 4) {
                throw new ClaimRefusedException("claim.profiling.invalid");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new ClaimRefusedException("claim.profiling.invalid");
        }
    }

    private static BigDecimal amount(String text, Claim c) {
        try {
            String t = text == null ? "" : text.strip().replace(" ", "").replace("€", "");
            // Italian "1.700,50" and plain "1700.50" are both accepted.
            return new BigDecimal(t.contains(",") ? t.replace(".", "").replace(',', '.') : t);
        } catch (NumberFormatException e) {
            throw new ClaimRefusedException("claim.payment.amount", c.getAmount());
        }
    }
}
