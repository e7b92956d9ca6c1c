package it.ricolloca.vacancies.web;

import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancyInvalidException;
import it.ricolloca.vacancies.VacancyRoutes;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.VacancyStatus;
import it.ricolloca.vacancies.internal.BoardExchange;
import it.ricolloca.vacancies.internal.BoardQueries;
import it.ricolloca.vacancies.internal.BoardQueries.Filter;
import it.ricolloca.vacancies.internal.Referrals;
import it.ricolloca.vacancies.internal.VacancyBoard;
import it.ricolloca.vacancies.web.VacancyViews.Proposable;
import it.ricolloca.pathway.Pathways;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The board's pages: search, an offer with its referrals and history, the form, the status, the Excel round trip. */
@Controller
class VacancyController {

    private final VacancyBoard board;
    private final BoardQueries queries;
    private final BoardExchange exchange;
    private final Referrals referrals;
    private final Pathways pathways;
    private final JobCentres centres;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    private final TabularReader reader;

    VacancyController(VacancyBoard board, BoardQueries queries, BoardExchange exchange, Referrals referrals,
            Pathways pathways, JobCentres centres, CurrentUsers currentUsers, Messages messages,
            TabularReader reader) {
        this.reader = reader;
        this.board = board;
        this.queries = queries;
        this.exchange = exchange;
        this.referrals = referrals;
        this.pathways = pathways;
        this.centres = centres;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry vacancyBoardMenuEntry() {
        return new MenuEntry(33, "nav.vacancies", VacancyRoutes.BOARD, Set.of());
    }

    @GetMapping(VacancyRoutes.BOARD)
    String board(@RequestParam Map<String, String> params, Model model) {
        CurrentUser user = currentUsers.require();
        if (!VacancyBoard.canRead(user)) {
            throw new AccessDeniedException("vacancies");
        }
        Filter filter = filter(params);
        int page = page(params);
        model.addAttribute("rows", PageView.of(queries.search(filter, page, PageView.DEFAULT_SIZE), r -> r, "",
                VacancyRoutes.BOARD + "?" + query(filter)));
        model.addAttribute("filter", filter);
        model.addAttribute("centres", centres.all());
        model.addAttribute("canCreate", board.canCreate(user));
        model.addAttribute("canImport", BoardExchange.canImport(user));
        return "vacancies/board";
    }

    /** The page a query string asks for; anything that is not a page number is the first page. */
    static int page(Map<String, String> params) {
        Long requested = longOrNull(params.get("page"));
        return PageView.safePage(requested == null || requested > 100_000 ? null : requested.intValue());
    }

    /** The filter a query string states; values that do not parse are left out, never an error page. */
    static Filter filter(Map<String, String> p) {
        return new Filter(p.get("q"), p.get("profile"), p.get("area"), longOrNull(p.get("centre")),
                option(VacancySource.class, p.get("source")), option(VacancyStatus.class, p.get("status")),
                FormValues.date(p.get("from")).orElse(null), FormValues.date(p.get("to")).orElse(null),
                option(BoardQueries.Sort.class, p.get("sort")));
    }

    private static String query(Filter f) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", f.text());
        add(parts, "profile", f.profile());
        add(parts, "area", f.area());
        add(parts, "centre", f.centreId() == null ? "" : f.centreId().toString());
        add(parts, "source", f.source() == null ? "" : f.source().name());
        add(parts, "status", f.status() == null ? "" : f.status().name());
        add(parts, "from", f.from() == null ? "" : f.from().toString());
        add(parts, "to", f.to() == null ? "" : f.to().toString());
        add(parts, "sort", f.sort().name());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    static Long longOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E option(Class<E> type, String s) {
        try {
            return s == null || s.isBlank() ? null : Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- one offer ----

    @GetMapping(VacancyRoutes.VACANCY)
    String show(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Vacancy v = board.get(user, id);
        model.addAttribute("vacancy", v);
        model.addAttribute("centre", v.getCentreId() == null ? "" : centres.find(v.getCentreId()).map(CentreSummary::name).orElse(""));
        model.addAttribute("canEdit", board.canEdit(user, v));
        model.addAttribute("history", board.history(id));
        model.addAttribute("referrals", referrals.ofVacancy(user, v));
        model.addAttribute("hires", referrals.hires(id));
        model.addAttribute("proposable", v.getStatus().takesReferrals() ? proposable(user) : List.of());
        model.addAttribute("seesCandidates", user.isRegional() || user.centreId() != null);
        return "vacancies/vacancy";
    }

    private List<Proposable> proposable(CurrentUser user) {
        return pathways.openFor(user, 500).stream().map(p -> new Proposable(p.pathwayId(), p.workerName())).toList();
    }

    @GetMapping(VacancyRoutes.NEW)
    String newForm(Model model) {
        CurrentUser user = currentUsers.require();
        if (!board.canCreate(user)) {
            throw new AccessDeniedException("vacancies");
        }
        VacancyDetails blank = new VacancyDetails(Dates.today(), null, null, "CP2021", 1, null, null, null, null,
                "2025", null, null, null, null, user.centreId(), VacancySource.CPI, user.id(), null, null, null, null, null,
                null, null, null, null);
        return form(model, user, null, VacancyForm.of(blank), FormErrors.NONE);
    }

    @PostMapping(VacancyRoutes.BOARD)
    String create(@RequestParam Map<String, String> posted, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!board.canCreate(user)) {
            throw new AccessDeniedException("vacancies");
        }
        VacancyForm form = VacancyForm.of(posted);
        VacancyDetails details = form.details();
        if (!form.parseProblems().isEmpty()) {
            return form(model, user, null, form, VacancyForm.errors(form.parseProblems(), messages));
        }
        try {
            Vacancy v = board.create(user, details);
            redirect.addFlashAttribute("flash", "vacancy.created");
            return "redirect:" + VacancyRoutes.vacancy(v.getId());
        } catch (VacancyInvalidException e) {
            return form(model, user, null, form, VacancyForm.errors(e.problems(), messages));
        }
    }

    @GetMapping(VacancyRoutes.EDIT)
    String editForm(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Vacancy v = board.get(user, id);
        if (!board.canEdit(user, v)) {
            throw new AccessDeniedException("vacancies");
        }
        return form(model, user, v, VacancyForm.of(v), FormErrors.NONE);
    }

    @PostMapping(VacancyRoutes.EDIT)
    String edit(@PathVariable long id, @RequestParam Map<String, String> posted, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Vacancy v = board.get(user, id);
        if (!board.canEdit(user, v)) {
            throw new AccessDeniedException("vacancies");
        }
        VacancyForm form = VacancyForm.of(posted);
        VacancyDetails details = form.details();
        if (!form.parseProblems().isEmpty()) {
            return form(model, user, v, form, VacancyForm.errors(form.parseProblems(), messages));
        }
        long version = longOrNull(posted.get("version")) == null ? -1 : longOrNull(posted.get("version"));
        try {
            board.update(user, id, version, details);
            redirect.addFlashAttribute("flash", "vacancy.updated");
            return "redirect:" + VacancyRoutes.vacancy(id);
        } catch (VacancyInvalidException e) {
            return form(model, user, v, form, VacancyForm.errors(e.problems(), messages));
        } catch (DomainException e) {
            return keptForm(model, user, id, form, messages.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            return keptForm(model, user, id, form, messages.t("vacancy.stale"));
        }
    }

    /** A refused or outraced edit: the form comes back as typed, with the reason, over the offer as it now stands. */
    private String keptForm(Model model, CurrentUser user, long id, VacancyForm form, String problem) {
        return form(model, user, board.get(user, id), form, new FormErrors(Map.of(), List.of(problem)));
    }

    private String form(Model model, CurrentUser user, Vacancy v, VacancyForm form, FormErrors errors) {
        Long centre = longOrNull(form.get("centreId"));
        model.addAttribute("vacancy", v);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regional", it.ricolloca.vacancies.internal.Referents.isRegionalService(user));
        model.addAttribute("centres", it.ricolloca.vacancies.internal.Referents.isRegionalService(user) ? centres.all()
                : centres.all().stream().filter(c -> c.id() == (user.centreId() == null ? -1 : user.centreId())).toList());
        model.addAttribute("referents", board.possibleReferents(centre == null ? user.centreId() : centre));
        return "vacancies/form";
    }

    @PostMapping(VacancyRoutes.STATUS)
    String status(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!board.canEdit(user, board.get(user, id))) {
            throw new AccessDeniedException("vacancies");
        }
        try {
            board.changeStatus(user, id, version, option(VacancyStatus.class, status), note);
            redirect.addFlashAttribute("flash", "vacancy.status.changed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("problem", messages.t("vacancy.stale"));
        }
        return "redirect:" + VacancyRoutes.vacancy(id);
    }

    // ---- the Excel round trip ----

    @GetMapping(VacancyRoutes.EXPORT)
    void export(HttpServletResponse response) throws IOException {
        export(exchange, currentUsers.require(), response);
    }

    /** The board file as a download, for the page and the API alike. */
    static void export(BoardExchange exchange, CurrentUser user, HttpServletResponse response) throws IOException {
        if (!VacancyBoard.canRead(user)) {
            throw new AccessDeniedException("vacancies");
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("vetrina-opportunita-" + Dates.today() + ".xlsx").build().toString());
        exchange.export(user, response.getOutputStream());
    }

    @GetMapping(VacancyRoutes.IMPORT)
    String importForm(Model model) {
        if (!BoardExchange.canImport(currentUsers.require())) {
            throw new AccessDeniedException("vacancies");
        }
        return importPage(model, null, null);
    }

    @PostMapping(VacancyRoutes.IMPORT)
    String importFile(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        CurrentUser user = currentUsers.require();
        if (!BoardExchange.canImport(user)) {
            throw new AccessDeniedException("vacancies");
        }
        if (file == null || file.isEmpty()) {
            return importPage(model, null, messages.t("import.file.empty"));
        }
        try (TabularSource source = reader.receive(file)) {
            return importPage(model, exchange.importBoard(user, source), null);
        } catch (DomainException e) {
            return importPage(model, null, messages.t(e.messageKey(), e.args()));
        }
    }

    private String importPage(Model model, ImportReport report, String error) {
        model.addAttribute("report", report);
        model.addAttribute("error", error);
        model.addAttribute("headers", BoardExchange.HEADERS.synonyms());
        return "vacancies/import";
    }
}
