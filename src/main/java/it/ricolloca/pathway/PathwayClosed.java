package it.ricolloca.pathway;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A pathway closed with its outcome: what a reimbursement claim needs of it (the hire's contract
 * and duration for a success fee, the hours of the timesheet for the Fee4Service).
 */
public record PathwayClosed(long pathwayId, long requestId, long workerId, long centreId, long officeId,
        PathwayOutcome outcome, LocalDate closedOn, ContractType hireContract, LocalDate hireStart,
        Integer hireDurationMonths, BigDecimal serviceHours, LocalDate timesheetSignedOn, String closedBy) {
}
