package it.ricolloca.claims.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.claims.ClaimRoutes;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.shared.web.Messages;
import java.util.List;
import org.springframework.stereotype.Component;

/** Adds to a pathway's page its reimbursement claim, for those who may see claims. */
@Component
class ClaimSections implements PathwaySection.Provider {

    private final ClaimWork work;
    private final ClaimRights rights;
    private final Messages messages;

    ClaimSections(ClaimWork work, ClaimRights rights, Messages messages) {
        this.work = work;
        this.rights = rights;
        this.messages = messages;
    }

    @Override
    public PathwayTab tab() {
        return PathwayTab.OUTCOME;
    }

    @Override
    public PathwaySection section(CurrentUser user, long pathwayId, long workerId) {
        if (!rights.canUseRegister(user)) {
            return null;
        }
        List<PathwaySection.Line> lines = work.ofPathway(user, pathwayId).stream()
                .map(c -> new PathwaySection.Line(messages.t("claim.section.line", messages.t(c.getKind().labelKey()),
                        c.getAmount() == null ? messages.t("claim.amount.pending") : messages.t("claim.amountShown",
                                c.getAmount())), ClaimRoutes.claim(c.getId()), messages.t(c.getStatus().labelKey())))
                .toList();
        return new PathwaySection("claim", messages.t("claim.section.title"), messages.t("claim.section.empty"), lines,
                null, null);
    }
}
