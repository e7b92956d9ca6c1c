package it.ricolloca.claims.web;

import it.ricolloca.claims.Claim;
import it.ricolloca.claims.ClaimKind;
import it.ricolloca.claims.ClaimStatus;
import it.ricolloca.claims.TariffBand;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.PathwayOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A claim as its page shows it. */
public record ClaimView(long id, long pathwayId, ClaimKind kind, ClaimStatus status, PathwayOutcome outcome,
        LocalDate closedOn, LocalDate tariffDate, TariffBand band, ContractType contract, Integer durationMonths,
        BigDecimal profilingIndex, BigDecimal serviceHours, BigDecimal claimedHours, BigDecimal hourlyRate,
        BigDecimal minimumAmount, BigDecimal maximumAmount, BigDecimal amount, String explanation, Instant preparedAt,
        String preparedBy, String reviewedBy, LocalDate reviewedOn, String submittedBy, LocalDate submittedOn,
        String decidedBy, LocalDate decidedOn, BigDecimal paidAmount, String refusalReason, long version) {

    static ClaimView of(Claim c) {
        return new ClaimView(c.getId(), c.getPathwayId(), c.getKind(), c.getStatus(), c.getOutcome(), c.getClosedOn(),
                c.getTariffDate(), c.getBand(), c.getContract(), c.getDurationMonths(), c.getProfilingIndex(),
                c.getServiceHours(), c.getClaimedHours(), c.getHourlyRate(), c.getMinimumAmount(), c.getMaximumAmount(),
                c.getAmount(), c.getExplanation(), c.getPreparedAt(), c.getPreparedBy(), c.getReviewedBy(),
                c.getReviewedOn(), c.getSubmittedBy(), c.getSubmittedOn(), c.getDecidedBy(), c.getDecidedOn(),
                c.getPaidAmount(), c.getRefusalReason(), c.getVersion());
    }
}
