package it.ricolloca.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail once. The send happens inside the listener's transaction: the record of the
 * mail is written first (a reference already recorded means it was sent before, so nothing is
 * sent again), then the SMTP server is asked; if it refuses, the transaction rolls back, the event
 * publication stays incomplete and {@link MailRetry} submits it again. Without an SMTP server
 * configured ({@code spring.mail.host}) the mail is written to the log and recorded as such.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc,
            @Value("${ricolloca.mail.from:ricolloca@localhost}") String from) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.from = from;
    }

    void send(String reference, String to, String subject, String body) {
        send(reference, to, subject, body, null, null, null);
    }

    /** Sends one e-mail once, with one attachment (its file name, type and bytes) when {@code attachment} is not null. */
    void send(String reference, String to, String subject, String body, String attachmentName, String attachmentType,
            byte[] attachment) {
        JavaMailSender smtp = sender.getIfAvailable();
        int recorded = jdbc.sql("""
                insert into notifications_mail (recipient, subject, reference, transport, sent_at) values (?, ?, ?, ?, ?)
                on conflict (reference, recipient) do nothing""")
                .params(to, subject.length() > 300 ? subject.substring(0, 300) : subject, reference,
                        smtp == null ? "LOG" : "SMTP", Timestamp.from(Instant.now()))
                .update();
        if (recorded == 0) {
            log.info("Mail {} a {} già inviata: non si invia di nuovo", reference, to);
            return;
        }
        if (smtp == null) {
            log.info("Server di posta non configurato: mail {} a {} registrata senza invio. Oggetto: {}\n{}", reference,
                    to, subject, body);
            return;
        }
        if (attachment != null) {
            try {
                MimeMessage mime = smtp.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(body);
                helper.addAttachment(attachmentName, new ByteArrayResource(attachment), attachmentType);
                smtp.send(mime);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        smtp.send(message);
    }
}
