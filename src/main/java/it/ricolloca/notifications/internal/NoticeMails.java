package it.ricolloca.notifications.internal;

import it.ricolloca.notifications.NoticeRoutes;
import it.ricolloca.notifications.NoticeSent;
import it.ricolloca.shared.web.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Mails each recipient of a notice after it is sent (once per recipient, retried with the others). */
@Component
class NoticeMails {

    private final Notices notices;
    private final Mailer mailer;
    private final Messages messages;
    private final String baseUrl;

    NoticeMails(Notices notices, Mailer mailer, Messages messages,
            @Value("${ricolloca.base-url:http://localhost:8080}") String baseUrl) {
        this.notices = notices;
        this.mailer = mailer;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(NoticeSent sent) {
        notices.find(sent.noticeId()).ifPresent(n -> {
            for (Notices.MailTo to : notices.mailTo(n.id())) {
                mailer.send("notice-" + n.id() + "-" + to.userId(), to.email(), messages.t("mail.notice.subject", n.title()),
                        messages.t("mail.notice.body", n.sentBy(), n.title(), n.body(), baseUrl + NoticeRoutes.notice(n.id())));
            }
        });
    }
}
