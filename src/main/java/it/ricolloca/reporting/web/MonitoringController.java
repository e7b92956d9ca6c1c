package it.ricolloca.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.reporting.ReportRoutes;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.reporting.internal.RequestsByCentre.Query;
import it.ricolloca.reporting.internal.RequestsByCentre.Report;
import it.ricolloca.reporting.internal.RequestsByCentre.Row;
import it.ricolloca.reporting.internal.RequestsByCentre.Source;
import it.ricolloca.reporting.internal.RequestsByCentre;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.shared.tabular.TabularDownload;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.tabular.TabularWriter;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import jakarta.servlet.http.HttpServletRequest;
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

/**
 * The monitoring page: the seed's table at a date (from the ministerial list in force or from the requests
 * Ricolloca holds, said which), filtered by CPI or province, its cells' requests, its exports, and the same as JSON.
 */
@Controller
class MonitoringController {

    private final RequestsByCentre report;
    private final CurrentUsers currentUsers;
    private final Messages messages;
    private final JobCentres centres;

    MonitoringController(RequestsByCentre report, CurrentUsers currentUsers, Messages messages, JobCentres centres) {
        this.report = report;
        this.centres = centres;
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

    /** The query from the page's form; a CPI user's lines stay their own CPI's whatever the URL says (the report sees to it). */
    private static Query query(String snapshotDate, String centre, String province, String source) {
        Long centreId = centre == null || !centre.matches("\\d{1,18}") ? null : Long.valueOf(centre);
        return new Query(FormValues.date(snapshotDate).orElse(Dates.today()), centreId, province,
                Source.of(source).orElse(null));
    }

    /** The same query as URL parameters, for the exports' links. */
    private static String parameters(Query q) {
        return "snapshotDate=" + q.date() + (q.centre() == null ? "" : "&centre=" + q.centre())
                + (q.province() == null ? "" : "&province=" + q.province())
                + (q.source() == null ? "" : "&source=" + q.source().name());
    }

    /** Where the figures come from, in a sentence: the page's notice and the export's first note. */
    private String sourceNote(Report r, Query q) {
        if (r.fromList()) {
            return messages.t("monitoring.source", Dates.format(r.snapshotDate()));
        }
        if (!r.listsImported()) {
            return messages.t("monitoring.source.own.noList");
        }
        return q.source() == Source.OWN ? messages.t("monitoring.source.own.chosen", Dates.format(r.date()))
                : messages.t("monitoring.source.own.noListByDate", Dates.format(r.date()));
    }

    /** The sample in a sentence: said missing when it is, never computed from nothing. */
    private String sampleNote(Report r) {
        if (r.invitedSample() == null) {
            return messages.t("monitoring.sample.notLoaded") + ": " + messages.t("monitoring.sample.missing",
                    Dates.format(r.date()));
        }
        if (r.sampleShort()) {
            return messages.t("monitoring.sample.short", r.total(), r.invitedSample());
        }
        return messages.t("monitoring.sample.note", MonitoringViews.percent(r.shareOfSample(), false), r.total(),
                r.invitedSample());
    }

    @GetMapping(ReportRoutes.MONITORING)
    String page(@RequestParam(required = false) String snapshotDate, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String province, @RequestParam(required = false) String source, Model model) {
        CurrentUser user = currentUsers.require();
        Query q = query(snapshotDate, centre, province, source);
        Report r = report.report(user, q);
        List<CentreSummary> all = centres.all();
        model.addAttribute("report", r);
        model.addAttribute("query", q);
        model.addAttribute("parameters", parameters(q));
        model.addAttribute("sourceNote", sourceNote(r, q));
        model.addAttribute("dates", report.snapshotDates());
        model.addAttribute("centres", user.scopeCentreId() == null ? all : List.<CentreSummary>of());
        model.addAttribute("provinces", user.scopeCentreId() == null
                ? all.stream().map(CentreSummary::province).distinct().sorted().toList() : List.<String>of());
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
    @Operation(summary = "Richiedenti per CPI competente e stato della richiesta alla data: dall'elenco ministeriale in"
            + " vigore o, se nessuno lo è (o con source=OWN), dalle richieste registrate in Ricolloca; righe e totali"
            + " seguono i filtri (centre, province)", security = @SecurityRequirement(name = "bearer"))
    Map<String, Object> api(@RequestParam(required = false) String snapshotDate, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String province, @RequestParam(required = false) String source) {
        Report r = report.report(currentUsers.require(), query(snapshotDate, centre, province, source));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", r.source().name());
        json.put("date", r.date());
        json.put("snapshotDate", r.snapshotDate());
        json.put("columns", r.columns().stream().map(RequestStatus::name).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("centre", row.centre());
            m.put("counts", names(row.counts(), r.columns()));
            m.put("total", row.total());
            rows.add(m);
        }
        json.put("rows", rows);
        json.put("totals", names(r.totals(), r.columns()));
        json.put("total", r.total());
        json.put("regionTotals", r.regionTotals() == null ? null : names(r.regionTotals(), r.columns()));
        json.put("regionTotal", r.regionTotal());
        json.put("invitedSample", r.invitedSample());
        json.put("sampleShort", r.sampleShort());
        json.put("shareOfSample", r.shareOfSample());
        json.put("previousSnapshotDate", r.previousSnapshotDate());
        json.put("changeFromPrevious", r.changeFromPrevious());
        json.put("shareChoosingCentre", r.shareChoosingCentre());
        json.put("providers", r.providers());
        return json;
    }

    private static Map<String, Long> names(Map<RequestStatus, Long> counts, List<RequestStatus> columns) {
        Map<String, Long> m = new LinkedHashMap<>();
        columns.forEach(s -> m.put(s.name(), counts.getOrDefault(s, 0L)));
        return m;
    }

    /**
     * The table as the page shows it: the header in the seed's order, one line per CPI, the total of
     * the lines and, when they are narrowed, the region's; a blank (null) where the page leaves one.
     */
    private List<List<Object>> table(Report r) {
        List<List<Object>> lines = new ArrayList<>();
        List<Object> head = new ArrayList<>();
        head.add(messages.t("monitoring.centre"));
        for (RequestStatus s : r.columns()) {
            head.add(messages.t(s.labelKey()));
        }
        head.add(messages.t("monitoring.total"));
        lines.add(head);
        for (Row row : r.rows()) {
            lines.add(line(row.centre(), row.counts(), row.total(), r.columns()));
        }
        lines.add(line(messages.t("monitoring.total"), r.totals(), r.total(), r.columns()));
        if (r.regionTotals() != null) {
            lines.add(line(messages.t("monitoring.regionTotal"), r.regionTotals(), r.regionTotal(), r.columns()));
        }
        return lines;
    }

    private static List<Object> line(String first, Map<RequestStatus, Long> counts, long total, List<RequestStatus> columns) {
        List<Object> l = new ArrayList<>();
        l.add(first);
        for (RequestStatus s : columns) {
            long n = counts.getOrDefault(s, 0L);
            l.add(n == 0 ? null : n);
        }
        l.add(total == 0 ? null : total);
        return l;
    }

    private static String fileName(Report r, String extension) {
        return "richiedenti-per-cpi-" + (r.fromList() ? "elenco-" + r.snapshotDate() : "richieste-ricolloca-" + r.date())
                + "." + extension;
    }

    @GetMapping({ReportRoutes.XLSX, ReportRoutes.ODS})
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String snapshotDate, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String province, @RequestParam(required = false) String source,
            HttpServletRequest request) {
        Query q = query(snapshotDate, centre, province, source);
        Report r = report.report(currentUsers.require(), q);
        String name = fileName(r, "");
        return TabularDownload.workbook(TabularFormat.ofPath(request.getRequestURI()), name.substring(0, name.length() - 1),
                messages.t("monitoring.sheet"), w -> {
            write(w, table(r));
            w.sheet(messages.t("monitoring.sheet.notes"));
            w.row(sourceNote(r, q));
            w.row(sampleNote(r));
        });
    }

    @GetMapping(ReportRoutes.CSV)
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String snapshotDate, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String province, @RequestParam(required = false) String source) {
        Report r = report.report(currentUsers.require(), query(snapshotDate, centre, province, source));
        return TabularDownload.csv(fileName(r, "csv"), w -> write(w, table(r)));
    }

    /** The table as the page shows it: the header, then a label and counts (or blanks) on each line. */
    private static void write(TabularWriter w, List<List<Object>> lines) {
        w.header(lines.get(0).stream().map(String::valueOf).toList());
        for (List<Object> line : lines.subList(1, lines.size())) {
            w.row(line);
        }
    }
}
