package it.ricolloca.reporting.web;

import it.ricolloca.shared.tabular.TabularFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.math.RoundingMode;
import it.ricolloca.shared.tabular.TabularWriter;
import it.ricolloca.shared.tabular.TabularDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.reporting.ReportRoutes;
import it.ricolloca.reporting.internal.NetworkFigures;
import it.ricolloca.reporting.internal.NetworkFigures.TableId;
import it.ricolloca.reporting.internal.ReportFilter;
import it.ricolloca.reporting.internal.ReportTable;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The monitoring of pathways, conditionality and the vacancy board: filtered tables, the trend chart, each table's XLSX, CSV and JSON. */
@Controller
class NetworkFiguresController {

    private final NetworkFigures figures;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Messages messages;

    NetworkFiguresController(NetworkFigures figures, CurrentUsers currentUsers, JobCentres centres, Messages messages) {
        this.figures = figures;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.messages = messages;
    }

    @Bean
    static MenuEntry networkFiguresMenuEntry() {
        return new MenuEntry(MenuArea.MONITORING, 20, "nav.networkFigures", ReportRoutes.NETWORK, Set.of());
    }

    @GetMapping(ReportRoutes.NETWORK)
    String page(@RequestParam Map<String, String> params, Model model) {
        CurrentUser user = currentUsers.require();
        ReportFilter filter = filter(user, params);
        List<ReportTable> tables = Arrays.stream(TableId.values()).map(t -> figures.table(user, t, filter)).toList();
        model.addAttribute("tables", tables);
        model.addAttribute("filter", filter);
        model.addAttribute("query", query(filter));
        model.addAttribute("centres", user.scopeCentreId() == null ? centres.all() : List.<CentreSummary>of());
        model.addAttribute("provinces", centres.all().stream().map(CentreSummary::province).distinct().sorted().toList());
        model.addAttribute("trend", chart(tables.get(tables.size() - 1)));
        return "reporting/network";
    }

    @GetMapping({ReportRoutes.TABLE_XLSX, ReportRoutes.TABLE_ODS})
    ResponseEntity<byte[]> xlsx(@PathVariable String table, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        CurrentUser user = currentUsers.require();
        ReportTable t = figures.table(user, id(table), filter(user, params));
        return TabularDownload.workbook(TabularFormat.ofPath(request.getRequestURI()), t.id() + "-" + Dates.today(),
                messages.t(t.titleKey()), w -> write(w, t));
    }

    @GetMapping(ReportRoutes.TABLE_CSV)
    ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam Map<String, String> params) {
        CurrentUser user = currentUsers.require();
        ReportTable t = figures.table(user, id(table), filter(user, params));
        return TabularDownload.csv(t.id() + "-" + Dates.today() + ".csv", w -> write(w, t));
    }

    /** A table's lines: its label, then counts, days with one decimal and shares as percentages. */
    private void write(TabularWriter w, ReportTable t) {
        w.header(header(t));
        for (ReportTable.Line line : lines(t)) {
            List<Object> cells = new ArrayList<>();
            cells.add(line.label());
            for (int i = 0; i < t.columns().size(); i++) {
                BigDecimal v = line.values().get(i);
                ReportTable.Kind kind = t.columns().get(i).kind();
                cells.add(v == null ? null : kind == ReportTable.Kind.SHARE ? new TabularWriter.Share(v)
                        : kind == ReportTable.Kind.DAYS ? v.setScale(1, RoundingMode.HALF_UP) : v);
            }
            w.row(cells);
        }
    }

    @GetMapping(ReportRoutes.TABLE_API)
    @ResponseBody
    @Operation(summary = "Una tabella del monitoraggio (funnel, health, breaches, outcomes, board-by-centre, "
            + "board-by-source, trend) per periodo, CPI e provincia", security = @SecurityRequirement(name = "bearer"))
    Map<String, Object> api(@PathVariable String table, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String province) {
        CurrentUser user = currentUsers.require();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("centre", centre);
        params.put("province", province);
        ReportFilter f = filter(user, params);
        ReportTable t = figures.table(user, id(table), f);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("table", t.id());
        json.put("from", f.from());
        json.put("to", f.to());
        json.put("centre", f.centre());
        json.put("province", f.province());
        json.put("columns", t.columns().stream().map(c -> Map.of("key", c.key(), "label", messages.t(c.labelKey()),
                "kind", c.kind().name())).toList());
        json.put("rows", t.lines().stream().map(l -> line(t, l)).toList());
        json.put("total", t.total() == null ? null : line(t, t.total()));
        return json;
    }

    private static Map<String, Object> line(ReportTable t, ReportTable.Line l) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < t.columns().size(); i++) {
            values.put(t.columns().get(i).key(), l.values().get(i));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", l.label());
        m.put("values", values);
        return m;
    }

    /** The trend's figures for the chart, as JSON: snapshot dates, total requesters and released requests. */
    private static String chart(ReportTable trend) {
        int released = 0;
        for (int i = 0; i < trend.columns().size(); i++) {
            if (trend.columns().get(i).key().equals("RELEASED")) {
                released = i;
            }
        }
        int total = trend.columns().size() - 1;
        int rel = released;
        // Labels are dates written dd/MM/yyyy and values are numbers: nothing here needs escaping.
        return "{\"labels\":[" + String.join(",", trend.lines().stream().map(l -> "\"" + l.label() + "\"").toList())
                + "],\"total\":[" + numbers(trend, total) + "],\"released\":[" + numbers(trend, rel) + "]}";
    }

    private static String numbers(ReportTable t, int column) {
        return String.join(",", t.lines().stream().map(l -> l.values().get(column) == null ? "0"
                : l.values().get(column).toPlainString()).toList());
    }

    private List<String> header(ReportTable t) {
        List<String> header = new ArrayList<>();
        header.add(messages.t(t.rowHeaderKey()));
        t.columns().forEach(c -> header.add(messages.t(c.labelKey())));
        return header;
    }

    private static List<ReportTable.Line> lines(ReportTable t) {
        List<ReportTable.Line> lines = new ArrayList<>(t.lines());
        if (t.total() != null) {
            lines.add(t.total());
        }
        return lines;
    }

    private static TableId id(String table) {
        return TableId.of(table).orElseThrow(NotFoundException::new);
    }

    /** The filter from the form; a CPI user's lines stay their own CPI's whatever the URL says. */
    private static ReportFilter filter(CurrentUser user, Map<String, String> p) {
        Long centre = p.get("centre") == null || !p.get("centre").matches("\\d{1,18}") ? null : Long.valueOf(p.get("centre"));
        return new ReportFilter(FormValues.date(p.get("from")).orElse(null), FormValues.date(p.get("to")).orElse(null),
                user.scopeCentreId() != null ? user.scopeCentreId() : centre, p.get("province"));
    }

    private static String query(ReportFilter f) {
        return "from=" + f.from() + "&to=" + f.to() + (f.centre() == null ? "" : "&centre=" + f.centre())
                + (f.province() == null ? "" : "&province=" + f.province());
    }
}
