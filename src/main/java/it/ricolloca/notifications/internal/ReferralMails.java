package it.ricolloca.notifications.internal;

import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.ReferralOutcomeRecorded;
import it.ricolloca.vacancies.ReferralProposed;
import it.ricolloca.vacancies.VacancyRoutes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells an offer's referent of a proposed candidate, and the tutor of each step of the evaluation, after commit. */
@Component
class ReferralMails {

    private final Mailer mailer;
    private final Messages messages;
    private final String baseUrl;

    ReferralMails(Mailer mailer, Messages messages, @Value("${ricolloca.base-url:http://localhost:8080}") String baseUrl) {
        this.mailer = mailer;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(ReferralProposed proposed) {
        if (proposed.referentEmail() == null) {
            return;
        }
        mailer.send("referral-proposed-" + proposed.referralId(), proposed.referentEmail(),
                messages.t("mail.referral.proposed.subject", proposed.vacancyProfile(), proposed.companyName()),
                messages.t("mail.referral.proposed.body", proposed.proposedBy(), proposed.workerName(),
                        proposed.vacancyProfile(), proposed.companyName(),
                        proposed.note() == null ? "" : proposed.note(), baseUrl + VacancyRoutes.referral(proposed.referralId())));
    }

    @ApplicationModuleListener
    void on(ReferralOutcomeRecorded recorded) {
        if (recorded.tutorEmail() == null) {
            return;
        }
        mailer.send("referral-step-" + recorded.eventId(), recorded.tutorEmail(),
                messages.t("mail.referral.step.subject", String.valueOf(recorded.referralId()),
                        messages.t(recorded.status().labelKey())),
                messages.t("mail.referral.step.body", recorded.workerName(), recorded.vacancyProfile(),
                        recorded.companyName(), messages.t(recorded.status().labelKey()),
                        recorded.reason() == null ? "" : recorded.reason(),
                        baseUrl + VacancyRoutes.referral(recorded.referralId())));
    }
}
