package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.pathway.PactStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The pathway page's warnings of the law's terms (the two months to ask for the service, the pact's
 * term when it is only a warning) and the history of its providers, as sections of the page.
 */
@Component
@Order(0)
class ServiceSections implements PathwaySection.Provider {

    /** Days before the pact's last day from which the provider is warned. */
    static final int PACT_WARNING_DAYS = 5;

    private final PathwayRepository pathways;
    private final PathwayWork work;
    private final PathwayRights rights;
    private final ServiceRequestTerms terms;
    private final ProviderMoves moves;
    private final JobCentres centres;
    private final Messages messages;

    ServiceSections(PathwayRepository pathways, PathwayWork work, PathwayRights rights, ServiceRequestTerms terms,
            ProviderMoves moves, JobCentres centres, Messages messages) {
        this.pathways = pathways;
        this.work = work;
        this.rights = rights;
        this.terms = terms;
        this.moves = moves;
        this.centres = centres;
        this.messages = messages;
    }

    @Override
    public PathwayTab tab() {
        return PathwayTab.OVERVIEW;
    }

    @Override
    public PathwaySection section(CurrentUser user, long pathwayId, long workerId) {
        Pathway p = pathways.findById(pathwayId).filter(x -> rights.canSee(user, x.getCentreId())).orElse(null);
        if (p == null) {
            return null;
        }
        List<PathwaySection.Line> lines = new ArrayList<>();
        warnings(p, Dates.today()).forEach(w -> lines.add(new PathwaySection.Line(w, null, null)));
        List<ProviderMoves.Move> history = moves.of(p.getId());
        if (!history.isEmpty()) {
            Map<Long, OfficeSummary> offices = centres.offices().stream()
                    .collect(java.util.stream.Collectors.toMap(OfficeSummary::id, o -> o));
            for (ProviderMoves.Move m : history) {
                String from = label(offices, m.fromOfficeId());
                String to = m.toOfficeId() == null ? messages.t("pathway.move.private") : label(offices, m.toOfficeId());
                lines.add(new PathwaySection.Line(messages.t("pathway.move.line", Dates.format(m.movedOn()), from, to,
                        m.movedBy()), null, null));
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        return new PathwaySection("service-terms", messages.t("pathway.terms.title"), messages.t("pathway.terms.empty"),
                lines, null, null);
    }

    /** The warnings of the law's terms on {@code today}, as the provider reads them. */
    List<String> warnings(Pathway p, LocalDate today) {
        if (p.isClosed()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (p.getStartedOn() == null && p.getReleasedOn() != null) {
            ServiceRequestWarning w = terms.warnings(Map.of(p.getRequestId(), p.getReleasedOn()), today).get(p.getRequestId());
            boolean pending = work.appointments(p).stream().anyMatch(a -> a.getStatus() == it.ricolloca.agenda.AppointmentStatus.BOOKED);
            if (w != null && !pending) {
                out.add(messages.t(w.messageKey(), Dates.format(w.lastDay())));
            }
        }
        if (p.getStartedOn() != null) {
            LocalDate last = work.pactLastDay(p.getStartedOn());
            List<SearchPact> pacts = work.pacts(p);
            LocalDate firstSigned = pacts.stream().map(SearchPact::getSignedOn).filter(Objects::nonNull)
                    .min(LocalDate::compareTo).orElse(null);
            if (firstSigned == null && today.isAfter(last)) {
                out.add(messages.t("pathway.pact.termPassed", Dates.format(last)));
            } else if (firstSigned == null && !today.isBefore(last.minusDays(PACT_WARNING_DAYS))) {
                out.add(messages.t("pathway.pact.termApproaching", Dates.format(last)));
            } else if (firstSigned != null && firstSigned.isAfter(last)
                    && pacts.stream().anyMatch(x -> x.getStatus() != PactStatus.DRAFT)) {
                out.add(messages.t("pathway.pact.signedAfterTerm", Dates.format(firstSigned), Dates.format(last)));
            }
        }
        return out;
    }

    private String label(Map<Long, OfficeSummary> offices, long officeId) {
        OfficeSummary o = offices.get(officeId);
        return o == null ? "?" : o.label();
    }
}
