package it.ricolloca.notifications.internal;

import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.ImportedRequests;
import it.ricolloca.requests.ImportedRequests.FirstSeen;
import it.ricolloca.requests.VoucherRequestFiled;
import it.ricolloca.requests.VoucherRequestsImported;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the competent CPI of every new request, as the national portal did, after the request is
 * committed: a request filed here, by one mail; the requests an import of the ministerial list brings for
 * the first time, by one mail per competent CPI and import naming them (at most {@value #LISTED} numbers,
 * and a link to the CPI's requests), so that a list of any size sends as many mails as there are CPIs.
 * Re-imports send nothing: a request is new in one import only.
 */
@Component
class RequestMails {

    /** Request numbers named in the mail of one import to one CPI. */
    static final int LISTED = 200;

    private final Mailer mailer;
    private final JobCentres centres;
    private final Messages messages;
    private final String baseUrl;
    private final ImportedRequests imported;

    RequestMails(Mailer mailer, JobCentres centres, Messages messages,
            @Value("${ricolloca.base-url:http://localhost:8080}") String baseUrl, ImportedRequests imported) {
        this.mailer = mailer;
        this.centres = centres;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.imported = imported;
    }

    @ApplicationModuleListener
    void on(VoucherRequestFiled filed) {
        CentreSummary centre = centres.find(filed.competentCentreId()).orElseThrow();
        // Neither the subject nor the body names the worker: the message crosses mail servers and inboxes,
        // the link leads to the request for whoever may open it.
        String subject = messages.t("mail.requestFiled.subject", String.valueOf(filed.requestId()), centre.name());
        String body = messages.t("mail.requestFiled.body", centre.name(), String.valueOf(filed.requestId()),
                Dates.format(filed.requestDate()), messages.t(filed.channel().labelKey()),
                Dates.format(filed.decisionDeadline()), baseUrl + "/requests/" + filed.requestId());
        mailer.send("request-filed-" + filed.requestId(), centre.email(), subject, body);
    }

    /** The requests an import brought for the first time, to each competent CPI, once per import and CPI. */
    @ApplicationModuleListener
    void on(VoucherRequestsImported event) {
        for (FirstSeen seen : imported.firstSeenIn(event.importId(), LISTED)) {
            CentreSummary centre = centres.find(seen.competentCentreId()).orElse(null);
            if (centre == null) {
                continue;
            }
            String numbers = seen.firstRequestIds().stream().map(id -> "- n. " + id + ": " + baseUrl + "/requests/" + id)
                    .collect(Collectors.joining("\n"));
            String subject = messages.t("mail.requestsImported.subject", seen.count(), Dates.format(seen.snapshotDate()),
                    centre.name());
            String body = messages.t("mail.requestsImported.body", centre.name(), Dates.format(seen.snapshotDate()),
                    seen.count(), numbers, seen.count() > seen.firstRequestIds().size()
                            ? messages.t("mail.requestsImported.more", seen.count() - seen.firstRequestIds().size()) : "",
                    baseUrl + "/requests?centre=" + centre.id() + "&status=REQUESTED");
            mailer.send("requests-imported-" + event.importId() + "-" + centre.id(), centre.email(), subject, body);
        }
    }
}
