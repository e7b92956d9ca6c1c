package it.ricolloca.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.reporting.ReportRoutes;
import it.ricolloca.reporting.internal.RequestsByCentre.Report;
import it.ricolloca.reporting.internal.RequestsByCentre.Row;
import it.ricolloca.reporting.internal.RequestsByCentre;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.tabular.TabularDownload;
import it.ricolloca.shared.tabular.TabularWriter;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The monitoring page: the seed's table for a snapshot date, its cells' requests, its exports, and the same as JSON. */
@Controller
class MonitoringController {

    private final RequestsByCentre report;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    MonitoringController(RequestsByCentre report, CurrentUsers currentUsers, Messages messages) {
        this.report = report;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry monitoringMenuEntry() {
        return new MenuEntry(MenuArea.MONITORING, 10, "nav.monitoring", ReportRoutes.MONITORING, Set.of());
    }

    private LocalDate date(String snapshotDate) {
        return FormValues.date(snapshotDate).orElse(Dates.today());
    }

    @GetMapping(ReportRoutes.MONITORING)
    String page(@RequestParam(required = false) String snapshotDate, Model model) {
        CurrentUser user = currentUsers.require();
        LocalDate date = date(snapshotDate);
        model.addAttribute("report", report.report(user, date).orElse(null));
        model.addAttribute("date", date);
        model.addAttribute("dates", report.snapshotDates());
        model.addAttribute("statuses", List.of(RequestStatus.values()));
        return "reporting/monitoring";
    }

    @AuditedRead(value = "MONITORING_CELL_VIEWED", record = "VoucherRequest", idVariable = "")
    @GetMapping(ReportRoutes.CELL)
    String cell(@RequestParam(required = false) String snapshotDate, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        LocalDate date = date(snapshotDate);
        Long centreId = centre == null || !centre.matches("\\d{1,18}") ? null : Long.valueOf(centre);
        RequestStatus s = status == null ? null : Arrays.stream(RequestStatus.values())
                .filter(x -> x.name().equals(status)).findFirst().orElse(null);
        String base = ReportRoutes.CELL + "?snapshotDate=" + date + (centreId == null ? "" : "&centre=" + centreId)
                + (s == null ? "" : "&status=" + s.name());
        model.addAttribute("requests", PageView.of(report.cell(user, date, centreId, s, PageView.safePage(page),
                PageView.DEFAULT_SIZE), r -> r, "", base));
        model.addAttribute("date", date);
        model.addAttribute("status", s);
        model.addAttribute("centreId", centreId);
        return "reporting/cell";
    }

    @GetMapping(ReportRoutes.API)
    @ResponseBody
    @Operation(summary = "Richiedenti per CPI competente e stato della richiesta alla data dell'elenco ministeriale",
            security = @SecurityRequirement(name = "bearer"))
    Map<String, Object> api(@RequestParam(required = false) String snapshotDate) {
        Report r = report.report(currentUsers.require(), date(snapshotDate)).orElseThrow(NotFoundException::new);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("snapshotDate", r.snapshotDate());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("centre", row.centre());
            m.put("counts", names(row.counts()));
            m.put("total", row.total());
            rows.add(m);
        }
        json.put("rows", rows);
        json.put("totals", names(r.totals()));
        json.put("total", r.total());
        json.put("invitedSample", r.invitedSample());
        json.put("shareOfSample", r.shareOfSample());
        json.put("previousSnapshotDate", r.previousSnapshotDate());
        json.put("changeFromPrevious", r.changeFromPrevious());
        json.put("shareChoosingCentre", r.shareChoosingCentre());
        json.put("providers", r.providers());
        return json;
    }

    private static Map<String, Long> names(Map<RequestStatus, Long> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    /** The table as lines of cells: header, one line per CPI, the totals; what both exports write. */
    private List<List<String>> table(Report r) {
        List<List<String>> lines = new ArrayList<>();
        List<String> head = new ArrayList<>();
        head.add(messages.t("monitoring.centre"));
        for (RequestStatus s : RequestStatus.values()) {
            head.add(messages.t(s.labelKey()));
        }
        head.add(messages.t("monitoring.total"));
        lines.add(head);
        for (Row row : r.rows()) {
            lines.add(line(row.centre(), row.counts(), row.total()));
        }
        lines.add(line(messages.t("monitoring.regionTotal"), r.totals(), r.total()));
        return lines;
    }

    private static List<String> line(String first, Map<RequestStatus, Long> counts, long total) {
        List<String> l = new ArrayList<>();
        l.add(first);
        for (RequestStatus s : RequestStatus.values()) {
            l.add(String.valueOf(counts.getOrDefault(s, 0L)));
        }
        l.add(String.valueOf(total));
        return l;
    }

    @GetMapping(ReportRoutes.XLSX)
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String snapshotDate) {
        Report r = report.report(currentUsers.require(), date(snapshotDate)).orElseThrow(NotFoundException::new);
        return TabularDownload.xlsx("richiedenti-per-cpi-" + r.snapshotDate() + ".xlsx", messages.t("monitoring.sheet"),
                w -> write(w, table(r)));
    }

    @GetMapping(ReportRoutes.CSV)
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String snapshotDate) {
        Report r = report.report(currentUsers.require(), date(snapshotDate)).orElseThrow(NotFoundException::new);
        return TabularDownload.csv("richiedenti-per-cpi-" + r.snapshotDate() + ".csv", w -> write(w, table(r)));
    }

    /** The table as the page shows it: the header, then a label and counts on each line. */
    private static void write(TabularWriter w, List<List<String>> lines) {
        w.header(lines.get(0));
        for (List<String> line : lines.subList(1, lines.size())) {
            List<Object> cells = new ArrayList<>();
            cells.add(line.get(0));
            line.subList(1, line.size()).forEach(v -> cells.add(Long.parseLong(v)));
            w.row(cells);
        }
    }
}
