package it.ricolloca.pathway.internal;

import it.ricolloca.network.Letterhead;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.ServiceTimesheetEntry;
import it.ricolloca.workers.Workers.PostalAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the pact and the timesheet PDFs print: the letterhead, the parties, the service, the actions or the hours. */
public record PactSheet(String centreName, String officeLabel, String workerName, String taxCode, String workerEmail,
        String tutorName, String tutorEmail, LocalDate serviceStart, int versionNo, boolean draft, LocalDate signedOn,
        List<PactAction> actions, String nextAppointments, List<ServiceTimesheetEntry> hours, BigDecimal totalHours,
        Letterhead head, PostalAddress address) {
}
