package it.ricolloca.conditionality.web;

import it.ricolloca.conditionality.Breach;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.BreachStatus;
import it.ricolloca.conditionality.Sanction;
import java.time.LocalDate;

/** A breach as the pages show it; {@code decidable} when its justification window has closed today. */
public record BreachView(long id, long workerId, BreachKind kind, LocalDate occurredOn, String provider,
        String reportedBy, LocalDate reportedOn, String evidence, LocalDate justificationDeadline, String justification,
        LocalDate justifiedOn, boolean justificationLate, BreachStatus status, Sanction sanction, String decisionReason,
        String decidedBy, LocalDate decidedOn, long version, boolean decidable) {

    static BreachView of(Breach b, LocalDate today) {
        return new BreachView(b.getId(), b.getWorkerId(), b.getKind(), b.getOccurredOn(), b.getProvider(),
                b.getReportedBy(), b.getReportedOn(), b.getEvidence(), b.getJustificationDeadline(), b.getJustification(),
                b.getJustifiedOn(), b.justificationLate(), b.getStatus(), b.getSanction(), b.getDecisionReason(),
                b.getDecidedBy(), b.getDecidedOn(), b.getVersion(), b.decidable(today));
    }
}
