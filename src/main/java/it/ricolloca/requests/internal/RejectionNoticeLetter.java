package it.ricolloca.requests.internal;

import it.ricolloca.requests.NoticeRegime;
import it.ricolloca.network.Letterhead;
import it.ricolloca.workers.Workers.PostalAddress;
import java.time.LocalDate;
import java.util.List;

/**
 * What the notice-of-rejection letter says: who writes, to whom, why, how many days from receipt the
 * worker has to answer (and whether a last day on a Sunday or a holiday moves to the next working day),
 * and what the notice does to the decision term, as the code counts it: interrupted and run anew in full
 * ({@code decisionDays}) or suspended with {@code daysLeft} days to run.
 */
public record RejectionNoticeLetter(String centreName, String centreOfficialName, String centreEmail, String workerName,
        String taxCode, long requestId, LocalDate requestDate, LocalDate rejectionNoticeDate, String reasons,
        List<String> failedChecks, int windowDays, boolean movesToWorkingDay, NoticeRegime regime, int decisionDays,
        int daysLeft, String signedBy, Letterhead head, PostalAddress address) {
}
