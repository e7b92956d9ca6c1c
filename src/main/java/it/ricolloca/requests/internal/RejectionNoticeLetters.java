package it.ricolloca.requests.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import it.ricolloca.documents.PdfDocuments;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.CheckOutcome;
import it.ricolloca.requests.TermRules;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Writes the notice-of-rejection letter for the worker (template {@code requests/rejection-notice-letter.jte}) as a PDF/A file. */
@Component
public class RejectionNoticeLetters {

    private final TemplateEngine templates;
    private final PdfDocuments pdf;
    private final Workers workers;
    private final JobCentres centres;
    private final Messages messages;

    RejectionNoticeLetters(TemplateEngine templates, PdfDocuments pdf, Workers workers, JobCentres centres, Messages messages) {
        this.templates = templates;
        this.pdf = pdf;
        this.workers = workers;
        this.centres = centres;
        this.messages = messages;
    }

    /** The letter of the request's notice, with the terms as {@code rules} count them on the notice's date. */
    public byte[] render(VoucherRequest request, TermRules rules) {
        int windowDays = rules.observationWindowDays(request.getRejectionNoticeDate());
        // A term of the window ending on a Sunday: carried when the rule is on (the letter says so only then).
        LocalDate sunday = request.getRejectionNoticeDate().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        boolean moves = !rules.lastDay(sunday).equals(sunday);
        WorkerSummary worker = workers.find(request.getWorkerId()).orElseThrow();
        CentreSummary centre = centres.find(request.getCompetentCentreId()).orElseThrow();
        List<String> failed = request.latest().values().stream().filter(c -> c.getOutcome() == CheckOutcome.FAILED)
                .map(c -> messages.t(c.getKind().labelKey()) + (c.getNote() == null ? "" : ": " + c.getNote())).toList();
        RejectionNoticeLetter letter = new RejectionNoticeLetter(centre.name(), centre.officialName(), centre.email(), worker.displayName(),
                worker.taxCode(), request.getId(), request.getRequestDate(), request.getRejectionNoticeDate(),
                request.getRejectionNoticeReasons(), failed, windowDays, moves, request.regime(),
                rules.decisionDays(request.getRequestDate()),
                request.getDaysLeftAtRejectionNotice() == null ? 0 : request.getDaysLeftAtRejectionNotice(), centre.name(),
                centres.letterhead(centre.id()).orElseThrow(), workers.postalAddress(request.getWorkerId()).orElse(null));
        StringOutput out = new StringOutput();
        templates.render("requests/rejection-notice-letter.jte", Map.of("m", messages, "letter", letter), out);
        return pdf.render(out.toString());
    }
}
