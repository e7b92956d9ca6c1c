package it.ricolloca.notifications.internal;

import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.VoucherRequestFiled;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the competent CPI of every new request, as the national portal did, after the request is committed. */
@Component
class RequestMails {

    private final Mailer mailer;
    private final JobCentres centres;
    private final Messages messages;
    private final String baseUrl;

    RequestMails(Mailer mailer, JobCentres centres, Messages messages,
            @Value("${ricolloca.base-url:http://localhost:8080}") String baseUrl) {
        this.mailer = mailer;
        this.centres = centres;
        this.messages = messages;
        this.baseUrl = baseUrl;
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
}
