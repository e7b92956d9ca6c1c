package it.ricolloca.pathway.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.documents.PdfDocuments;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.DiaryPart;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.pathway.PactStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Renders the search pact and the Fee4Service timesheet as PDF/A, from JTE templates, with signature boxes. */
@Component
public class PathwayDocuments {

    private final TemplateEngine templates;
    private final PdfDocuments pdf;
    private final Workers workers;
    private final StaffDirectory staff;
    private final JobCentres centres;
    private final Messages messages;

    PathwayDocuments(TemplateEngine templates, PdfDocuments pdf, Workers workers, StaffDirectory staff,
            JobCentres centres, Messages messages) {
        this.templates = templates;
        this.pdf = pdf;
        this.workers = workers;
        this.staff = staff;
        this.centres = centres;
        this.messages = messages;
    }

    public byte[] pact(Pathway p, SearchPact pact, LocalDate start) {
        return render("pathway/pact-pdf.jte", sheet(p, pact, start));
    }

    /** The printable diary: the entries recorded in parts A and B, then blank rows to write in. */
    public byte[] diary(Pathway p, LocalDate start) {
        StringOutput out = new StringOutput();
        templates.render("pathway/diary-pdf.jte", Map.of("m", messages, "diary", new DiarySheet(sheet(p, null, start),
                DiarySheet.Row.of(p.diaryPart(DiaryPart.PREPARATORY)),
                DiarySheet.Row.of(p.diaryPart(DiaryPart.ACTIVE_SEARCH)))), out);
        return pdf.render(out.toString());
    }

    public byte[] timesheet(Pathway p, LocalDate start) {
        return render("pathway/timesheet-pdf.jte", sheet(p, null, start));
    }

    private PactSheet sheet(Pathway p, SearchPact pact, LocalDate start) {
        WorkerSummary w = workers.find(p.getWorkerId()).orElseThrow();
        StaffMember tutor = p.getTutorUserId() == null ? null : staff.find(p.getTutorUserId()).orElse(null);
        OfficeSummary office = centres.office(p.getOfficeId()).orElseThrow();
        return new PactSheet(office.centreName(), office.label(), w.displayName(), w.taxCode(),
                workers.email(p.getWorkerId()).orElse(""), tutor == null ? "" : tutor.fullName(),
                tutor == null ? "" : tutor.email(), start, pact == null ? 0 : pact.getVersionNo(),
                pact != null && pact.getStatus() == PactStatus.DRAFT, pact == null ? p.getTimesheetSignedOn()
                        : pact.getSignedOn(), pact == null ? List.of() : pact.getActions(),
                pact == null ? null : pact.getNextAppointments(), p.getTimesheet(), p.totalHours(),
                centres.letterhead(p.getCentreId()).orElseThrow(), workers.postalAddress(p.getWorkerId()).orElse(null));
    }

    private byte[] render(String template, PactSheet sheet) {
        StringOutput out = new StringOutput();
        templates.render(template, Map.of("m", messages, "sheet", sheet), out);
        return pdf.render(out.toString());
    }
}
