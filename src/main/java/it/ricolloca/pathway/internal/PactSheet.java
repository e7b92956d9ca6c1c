package it.ricolloca.pathway.internal;

import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.ServiceTimesheetEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the pact and the timesheet PDFs print: the parties, the service, the actions or the hours. */
public record PactSheet(String centreName, String officeLabel, String workerName, String taxCode, String workerEmail,
        String tutorName, String tutorEmail, LocalDate serviceStart, int versionNo, boolean draft, LocalDate signedOn,
        List<PactAction> actions, String nextAppointments, List<ServiceTimesheetEntry> hours, BigDecimal totalHours) {
}
