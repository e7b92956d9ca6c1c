package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.internal.Timesheets;
import it.ricolloca.pathway.web.PathwayForms.HoursForm;
import it.ricolloca.pathway.web.PathwayForms.VersionForm;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Fee4Service timesheet of a pathway: hours added and removed, and its PDF. */
@Controller
class TimesheetController {

    private final Timesheets timesheets;
    private final PathwayWork work;
    private final PathwayPages pages;
    private final CurrentUsers currentUsers;

    TimesheetController(Timesheets timesheets, PathwayWork work, PathwayPages pages, CurrentUsers currentUsers) {
        this.timesheets = timesheets;
        this.work = work;
        this.pages = pages;
        this.currentUsers = currentUsers;
    }

    @PostMapping(PathwayRoutes.TIMESHEET)
    String processHoursForm(@PathVariable long id, @Valid @ModelAttribute("form") HoursForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        work.worked(user, id, "timesheet");
        if (Refusals.attempt(result, form, () -> timesheets.addHours(user, id, form.version(), form.activity(),
                form.onDate(), form.hours(), form.note()))) {
            return done(redirect, id, "pathway.timesheet.added");
        }
        return pages.failed(model, user, id, PathwayViews.HOURS, form, result);
    }

    @PostMapping(PathwayRoutes.TIMESHEET_REMOVE)
    String removeHours(@PathVariable long id, @PathVariable long entryId, @ModelAttribute("form") VersionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        work.worked(user, id, "timesheet");
        if (Refusals.attempt(result, form, () -> timesheets.removeHours(user, id, form.version(), entryId))) {
            return done(redirect, id, "pathway.timesheet.removed");
        }
        return pages.failed(model, user, id, PathwayViews.REMOVE_HOURS, form, result);
    }

    @AuditedRead(value = "PATHWAY_TIMESHEET_DOWNLOADED", record = "Pathway")
    @GetMapping(PathwayRoutes.TIMESHEET_PDF)
    ResponseEntity<byte[]> timesheetPdf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("timesheet.pdf").build()
                        .toString())
                .body(work.timesheetPdf(currentUsers.require(), id));
    }

    private static String done(RedirectAttributes redirect, long id, String notice) {
        redirect.addFlashAttribute("flash", notice);
        return "redirect:" + PathwayTab.TIMESHEET.href(id);
    }
}
