package it.ricolloca.training.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import it.ricolloca.documents.PdfDocuments;
import it.ricolloca.network.RegionalAgency;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.Letterhead;
import it.ricolloca.shared.web.Messages;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The attendance certificate of a training session, as PDF/A from a JTE template. */
@Component
public class TrainingCertificates {

    /** What the certificate says. */
    /** What the certificate prints; {@code head} is the letterhead of the person's CPI, or of the regional agency alone. */
    public record Certificate(String agency, String person, String centre, TrainingWork.Session session, Letterhead head) {
    }

    private final TemplateEngine templates;
    private final PdfDocuments pdf;
    private final JobCentres centres;
    private final Messages messages;

    TrainingCertificates(TemplateEngine templates, PdfDocuments pdf, JobCentres centres, Messages messages) {
        this.templates = templates;
        this.pdf = pdf;
        this.centres = centres;
        this.messages = messages;
    }

    private Letterhead head(TrainingWork.Enrolled enrolled, String agency) {
        return (enrolled.centreId() == null ? java.util.Optional.<Letterhead>empty() : centres.letterhead(enrolled.centreId()))
                .orElse(new Letterhead(agency, "", agency, "", "", null));
    }

    public byte[] render(TrainingWork.Enrolled enrolled, TrainingWork.Session session) {
        String agency = centres.regionalAgency().map(RegionalAgency::getName).orElse("");
        StringOutput out = new StringOutput();
        templates.render("training/certificate-pdf.jte", Map.of("m", messages, "c",
                new Certificate(agency, enrolled.fullName(), enrolled.centre(), session, head(enrolled, agency))), out);
        return pdf.render(out.toString());
    }
}
