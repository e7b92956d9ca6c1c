package it.ricolloca.audit.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.audit.AuditVerification;
import it.ricolloca.shared.progress.Progress;
import org.springframework.stereotype.Service;

/** Runs the chain verification and records that it was run, with its outcome. */
@Service
public class AuditVerifier {

    private final JdbcAuditTrail trail;

    AuditVerifier(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    public AuditVerification verify() {
        return trail.verify();
    }

    public AuditVerification verifyAndRecord() {
        return verifyAndRecord(Progress.NONE);
    }

    /** Verifies, reporting the entries checked to {@code progress}, and records it. */
    public AuditVerification verifyAndRecord(Progress progress) {
        AuditVerification result = trail.verify(progress);
        ((AuditTrail) trail).record("AUDIT_VERIFIED", "AuditTrail", "",
                result.intact() ? "checked=" + result.checked() + " intact"
                        : "checked=" + result.checked() + " firstBroken=" + result.firstBrokenId());
        return result;
    }
}
