package it.ricolloca.requests.internal;

import java.time.LocalDate;
import java.util.List;

/** What the notice-of-rejection letter says: who writes, to whom, why, and by when the worker may answer. */
public record RejectionNoticeLetter(String centreName, String centreOfficialName, String centreEmail, String workerName,
        String taxCode, long requestId, LocalDate requestDate, LocalDate rejectionNoticeDate, String reasons,
        List<String> failedChecks, int windowDays, LocalDate observationDeadline, String signedBy) {
}
