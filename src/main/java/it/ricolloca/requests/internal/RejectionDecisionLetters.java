package it.ricolloca.requests.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import it.ricolloca.documents.PdfDocuments;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the decision letter of a rejection (template {@code requests/rejection-decision-letter.jte})
 * as a PDF/A file: it answers the observations received, as art. 10-bis L. 241/1990 requires.
 */
@Component
class RejectionDecisionLetters {

    private final TemplateEngine templates;
    private final PdfDocuments pdf;
    private final Workers workers;
    private final JobCentres centres;
    private final Messages messages;

    RejectionDecisionLetters(TemplateEngine templates, PdfDocuments pdf, Workers workers, JobCentres centres,
            Messages messages) {
        this.templates = templates;
        this.pdf = pdf;
        this.workers = workers;
        this.centres = centres;
        this.messages = messages;
    }

    byte[] render(VoucherRequest request) {
        WorkerSummary worker = workers.find(request.getWorkerId()).orElseThrow();
        RejectionDecisionLetter letter = new RejectionDecisionLetter(
                centres.letterhead(request.getCompetentCentreId()).orElseThrow(), worker.displayName(), worker.taxCode(),
                workers.postalAddress(request.getWorkerId()).orElse(null), request.getId(), request.getRequestDate(),
                request.getRejectionNoticeDate(), request.getDecisionDate(),
                request.currentObservations().stream()
                        .map(o -> new RejectionDecisionLetter.Observation(o.getReceivedOn(), o.getText())).toList(),
                request.getObservationsAnswer(), request.getDecisionReasons());
        StringOutput out = new StringOutput();
        templates.render("requests/rejection-decision-letter.jte", Map.of("m", messages, "letter", letter), out);
        return pdf.render(out.toString());
    }
}
