package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.VacancyRoutes;
import java.util.List;
import org.springframework.stereotype.Component;

/** Adds to a pathway's page the worker's referrals for the board's offers, with their outcome, and the way to the matching. */
@Component
class ReferralSections implements PathwaySection.Provider {

    private final Referrals referrals;
    private final Messages messages;

    ReferralSections(Referrals referrals, Messages messages) {
        this.referrals = referrals;
        this.messages = messages;
    }

    @Override
    public PathwayTab tab() {
        return PathwayTab.OFFERS;
    }

    @Override
    public PathwaySection section(CurrentUser user, long pathwayId, long workerId) {
        List<PathwaySection.Line> lines = referrals.ofPathway(user, pathwayId).stream()
                .map(r -> new PathwaySection.Line(messages.t("referral.line", r.vacancyProfile(), r.companyName(),
                        Dates.format(r.referral().getProposedAt())), VacancyRoutes.referral(r.referral().getId()),
                        messages.t(r.referral().getStatus().labelKey())
                                + (r.referral().getReason() == null ? "" : " (" + r.referral().getReason() + ")")))
                .toList();
        return new PathwaySection("referrals", messages.t("referral.section.title"), messages.t("referral.section.empty"),
                lines, messages.t("referral.section.matches"), VacancyRoutes.matches(pathwayId));
    }
}
