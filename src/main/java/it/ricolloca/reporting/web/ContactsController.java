package it.ricolloca.reporting.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.reporting.ReportRoutes;
import it.ricolloca.reporting.internal.SilpContacts;
import it.ricolloca.reporting.internal.SilpContacts.Filter;
import it.ricolloca.shared.tabular.TabularDownload;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The SILP contacts of a period: each CPI's acts as competent and as provider CPI, listed on a page (the
 * first {@value SilpContacts#PAGE_ROWS}) and downloaded whole as one contacts file (XLSX, ODS or CSV) to
 * load into SILP's contacts section. A CPI's users see their CPI, the region every CPI or the one it picks.
 */
@Controller
class ContactsController {

    private final SilpContacts contacts;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Messages messages;

    ContactsController(SilpContacts contacts, CurrentUsers currentUsers, JobCentres centres, Messages messages) {
        this.contacts = contacts;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
    }

    @Bean
    static MenuEntry silpContactsMenuEntry() {
        return new MenuEntry(MenuArea.MONITORING, 40, "nav.contacts", ReportRoutes.CONTACTS,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR"));
    }

    @AuditedRead(value = "SILP_CONTACTS_VIEWED", record = "Worker", idVariable = "")
    @GetMapping(ReportRoutes.CONTACTS)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String centre, Model model) {
        CurrentUser user = currentUsers.require();
        Filter filter = filter(user, from, to, centre);
        List<CentreSummary> choices = user.caseScopeCentreId() == null ? centres.all() : List.of();
        model.addAttribute("view", new ContactsPage(filter, query(filter), contacts.page(filter), contacts.count(filter),
                choices));
        return "reporting/contacts";
    }

    @AuditedRead(value = "SILP_CONTACTS_DOWNLOADED", record = "Worker", idVariable = "")
    @GetMapping({ReportRoutes.CONTACTS_XLSX, ReportRoutes.CONTACTS_ODS})
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String centre, HttpServletRequest request) {
        Filter filter = filter(currentUsers.require(), from, to, centre);
        return TabularDownload.workbook(TabularFormat.ofPath(request.getRequestURI()), fileName(filter),
                messages.t("contacts.sheet"), w -> contacts.write(filter, messages::t, w));
    }

    @AuditedRead(value = "SILP_CONTACTS_DOWNLOADED", record = "Worker", idVariable = "")
    @GetMapping(ReportRoutes.CONTACTS_CSV)
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String centre) {
        Filter filter = filter(currentUsers.require(), from, to, centre);
        return TabularDownload.csv(fileName(filter) + ".csv", w -> contacts.write(filter, messages::t, w));
    }

    /** The period asked (this month so far when not given or unreadable; the two ends in order) and the CPI. */
    private Filter filter(CurrentUser user, String from, String to, String centre) {
        LocalDate today = Dates.today();
        LocalDate start = FormValues.date(from).orElse(today.withDayOfMonth(1));
        LocalDate end = FormValues.date(to).orElse(today);
        if (end.isBefore(start)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        Long centreId = null;
        if (centre != null && !centre.isBlank()) {
            try {
                centreId = Long.valueOf(centre.strip());
            } catch (NumberFormatException e) {
                centreId = null;
            }
        }
        return contacts.scoped(user, start, end, centreId);
    }

    private static String query(Filter f) {
        return "from=" + f.from() + "&to=" + f.to() + (f.centreId() == null ? "" : "&centre=" + f.centreId());
    }

    private static String fileName(Filter f) {
        return "contatti-silp-" + f.from() + "-" + f.to() + (f.centreId() == null ? "" : "-cpi-" + f.centreId());
    }
}
