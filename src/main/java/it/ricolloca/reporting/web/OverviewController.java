package it.ricolloca.reporting.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.reporting.ReportRoutes;
import it.ricolloca.reporting.internal.NetworkOverview;
import it.ricolloca.shared.tabular.SpreadsheetText;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
        return new MenuEntry(62, "nav.overview", ReportRoutes.OVERVIEW,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "REGIONAL_VACANCY_MANAGER"));
    }

    @GetMapping(ReportRoutes.OVERVIEW)
    String page(Model model) {
        regional();
        model.addAttribute("lines", overview.lines());
        model.addAttribute("views", new OverviewViews(messages));
        return "reporting/overview";
    }

    @GetMapping(ReportRoutes.OVERVIEW_XLSX)
    ResponseEntity<byte[]> xlsx() throws IOException {
        regional();
        OverviewViews views = new OverviewViews(messages);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(messages.t("overview.sheet"));
            List<String> header = List.of("overview.centre", "overview.province", "overview.masters",
                    "overview.delegations", "overview.tutors", "overview.referents", "overview.provider",
                    "overview.agenda", "overview.nextFree", "overview.toDecide", "overview.openPathways");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(messages.t(header.get(i)));
            }
            int r = 1;
            for (NetworkOverview.Line l : overview.lines()) {
                Row row = sheet.createRow(r++);
                Object[] v = {l.centre(), l.province(), l.masters(), views.delegations(l.delegations()), l.tutors(),
                    l.referents(), views.yesNo(l.provider()), views.agenda(l), views.nextFree(l), l.requestsToDecide(),
                    l.openPathways()};
                for (int i = 0; i < v.length; i++) {
                    if (v[i] instanceof Integer n) {
                        row.createCell(i).setCellValue(n);
                    } else {
                        row.createCell(i).setCellValue(SpreadsheetText.neutralise(String.valueOf(v[i])));
                    }
                }
            }
            wb.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("panoramica-rete-" + Dates.today() + ".xlsx").build().toString())
                    .body(out.toByteArray());
        }
    }

    private CurrentUser regional() {
        CurrentUser user = currentUsers.require();
        if (!user.isRegional()) {
            throw new AccessDeniedException("overview");
        }
        return user;
    }
}
