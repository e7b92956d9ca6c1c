package it.ricolloca.reporting.web;

import it.ricolloca.reporting.internal.NetworkOverview;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How the overview writes its values, on the page and in the Excel file. */
public record OverviewViews(Messages messages) {

    public String delegations(String codes) {
        return codes.isBlank() ? "—" : Arrays.stream(codes.split(", "))
                .map(c -> messages.t("delegation.function." + c)).collect(Collectors.joining(", "));
    }

    public String yesNo(boolean value) {
        return messages.t(value ? "overview.yes" : "overview.no");
    }

    public String agenda(NetworkOverview.Line l) {
        return messages.t("overview.agendaShown", l.officesWithAgenda(), l.offices());
    }

    public String nextFree(NetworkOverview.Line l) {
        return l.nextFreeSlot() == null ? messages.t("overview.noFreeSlot") : Dates.format(l.nextFreeSlot().toInstant());
    }
}
