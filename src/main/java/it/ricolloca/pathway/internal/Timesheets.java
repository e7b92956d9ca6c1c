package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import it.ricolloca.shared.web.Numbers;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.Dates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Fee4Service timesheet: the hours of each activity, added and removed until it is signed with the first pact. */
@Service
@Transactional
public class Timesheets {

    private final PathwayRecords records;
    private final AuditTrail audit;

    Timesheets(PathwayRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    public void addHours(CurrentUser user, long id, Long version, ServiceTimesheetActivity activity, LocalDate on,
            BigDecimal hours, String note) {
        Pathway p = records.open(user, id, version, "timesheet");
        p.addHours(activity, on, hours, note, p.getStartedOn(), Dates.today(), user.username(), Instant.now());
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_TIMESHEET_HOURS", "Pathway", p.getId(),
                Detail.of("audit.detail.hours", Detail.label(activity.labelKey()), on, Numbers.hours(hours)).encoded());
    }

    public void removeHours(CurrentUser user, long id, Long version, long entryId) {
        Pathway p = records.open(user, id, version, "timesheet");
        p.removeHours(entryId);
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_TIMESHEET_REMOVED", "Pathway", p.getId(), Detail.of("audit.detail.entry", entryId).encoded());
    }
}
