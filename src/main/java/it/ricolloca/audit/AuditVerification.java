package it.ricolloca.audit;

import java.io.Serializable;

/**
 * The outcome of walking the whole chain: how many entries were checked and, when the chain is
 * broken, the id of the first entry whose hash or link does not match.
 */
public record AuditVerification(long checked, Long firstBrokenId) implements Serializable {

    public boolean intact() {
        return firstBrokenId == null;
    }
}
