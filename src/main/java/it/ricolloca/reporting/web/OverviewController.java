package it.ricolloca.reporting.web;

import it.ricolloca.shared.tabular.TabularFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Stream;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.tabular.TabularDownload;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.reporting.ReportRoutes;
import it.ricolloca.reporting.internal.NetworkOverview;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The regional agency's overview of the network, one line per CPI, and its Excel download. */
@Controller
class OverviewController {

    private final NetworkOverview overview;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    OverviewController(NetworkOverview overview, CurrentUsers currentUsers, Messages messages) {
        this.overview = overview;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry overviewMenuEntry() {
        return new MenuEntry(MenuArea.MONITORING, 30, "nav.overview", ReportRoutes.OVERVIEW,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "REGIONAL_VACANCY_MANAGER"));
    }

    @GetMapping(ReportRoutes.OVERVIEW)
    String page(Model model) {
        regional();
        model.addAttribute("lines", overview.lines());
        model.addAttribute("views", new OverviewViews(messages));
        return "reporting/overview";
    }

    @GetMapping({ReportRoutes.OVERVIEW_XLSX, ReportRoutes.OVERVIEW_ODS})
    ResponseEntity<byte[]> xlsx(HttpServletRequest request) {
        regional();
        OverviewViews views = new OverviewViews(messages);
        return TabularDownload.workbook(TabularFormat.ofPath(request.getRequestURI()), "panoramica-rete-" + Dates.today(),
                messages.t("overview.sheet"), w -> {
            w.header(Stream.of("overview.centre", "overview.province", "overview.masters", "overview.delegations",
                    "overview.tutors", "overview.referents", "overview.provider", "overview.agenda", "overview.nextFree",
                    "overview.toDecide", "overview.openPathways").map(messages::t).toList());
            for (NetworkOverview.Line l : overview.lines()) {
                w.row(l.centre(), l.province(), l.masters(), views.delegations(l.delegations()), l.tutors(), l.referents(),
                        views.yesNo(l.provider()), views.agenda(l), views.nextFree(l), l.requestsToDecide(), l.openPathways());
            }
        });
    }

    private CurrentUser regional() {
        CurrentUser user = currentUsers.require();
        ActGuard.require(user.isRegional(), "overview");
        return user;
    }
}
