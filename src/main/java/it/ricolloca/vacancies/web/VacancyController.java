package it.ricolloca.vacancies.web;

import it.ricolloca.shared.progress.Progress;
import it.ricolloca.shared.progress.ProgressBoard;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.acts.StaleFormException;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyDetails.Problem;
import it.ricolloca.vacancies.VacancyInvalidException;
import it.ricolloca.vacancies.VacancyRoutes;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.VacancyStatus;
import it.ricolloca.vacancies.internal.BoardExchange;
import it.ricolloca.vacancies.internal.BoardQueries;
import it.ricolloca.vacancies.internal.BoardQueries.Filter;
import it.ricolloca.vacancies.internal.VacancyBoard;
import it.ricolloca.vacancies.internal.VacancyRights;
import it.ricolloca.vacancies.web.VacancyForms.Input;
import it.ricolloca.vacancies.web.VacancyForms.OpenForm;
import it.ricolloca.vacancies.web.VacancyForms.StatusForm;
import it.ricolloca.vacancies.web.VacancyForms.VacancyForm;
import it.ricolloca.vacancies.web.VacancyViews.VacancyView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final VacancyPage page;
    private final VacancyRights rights;
    private final JobCentres centres;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    private final TabularReader reader;
    private final ProgressBoard progressBoard;

    VacancyController(VacancyBoard board, BoardQueries queries, BoardExchange exchange, VacancyPage page,
            VacancyRights rights, JobCentres centres, CurrentUsers currentUsers, Messages messages, TabularReader reader,
            ProgressBoard progressBoard) {
        this.progressBoard = progressBoard;
        this.page = page;
        this.rights = rights;
        this.reader = reader;
        this.board = board;
        this.queries = queries;
        this.exchange = exchange;
        this.centres = centres;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry vacancyBoardMenuEntry() {
        return new MenuEntry(MenuArea.VACANCIES, 10, "nav.vacancies", VacancyRoutes.BOARD, Set.of());
    }

    @GetMapping(VacancyRoutes.BOARD)
    String board(@RequestParam Map<String, String> params, Model model) {
        CurrentUser user = currentUsers.require();
        BoardExchange.requireRead(user);
        Filter filter = filter(params);
        int page = page(params);
        model.addAttribute("rows", PageView.of(queries.search(filter, page, PageView.DEFAULT_SIZE), r -> r, "",
                VacancyRoutes.BOARD + "?" + query(filter)));
        model.addAttribute("filter", filter);
        model.addAttribute("centres", centres.all());
        model.addAttribute("canCreate", rights.canCreate(user));
        model.addAttribute("canImport", VacancyRights.canImport(user));
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
                option(BoardQueries.Sort.class, p.get("sort")), option(BoardQueries.Due.class, p.get("due")));
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
        add(parts, "due", f.due() == null ? "" : f.due().name());
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
        return page.render(model, currentUsers.require(), id, OpenForm.NONE);
    }

    private String page(Model model, CurrentUser user, long id, OpenForm open) {
        return page.render(model, user, id, open);
    }

    @GetMapping(VacancyRoutes.NEW)
    String initCreationForm(Model model) {
        CurrentUser user = currentUsers.require();
        board.requireCreate(user);
        return form(model, user, null, VacancyForm.blank(user.centreId(), user.id(), Dates.today()), null);
    }

    @PostMapping(VacancyRoutes.BOARD)
    String processCreationForm(@Valid @ModelAttribute("vacancyForm") VacancyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        board.requireCreate(user);
        if (!result.hasErrors()) {
            try {
                Vacancy v = board.create(user, form.details());
                redirect.addFlashAttribute("flash", "vacancy.created");
                return "redirect:" + VacancyRoutes.vacancy(v.getId());
            } catch (VacancyInvalidException e) {
                reject(result, e.problems());
            }
        } else {
            reject(result, board.problems(user, form.details()));
        }
        return form(model, user, null, form, result);
    }

    @GetMapping(VacancyRoutes.EDIT)
    String initUpdateForm(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Vacancy v = board.editable(user, id);
        return form(model, user, v, VacancyForm.of(v.details(), v.getVersion()), null);
    }

    @PostMapping(VacancyRoutes.EDIT)
    String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("vacancyForm") VacancyForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        board.editable(user, id);
        if (!result.hasErrors()) {
            try {
                board.update(user, id, form.version(), form.details());
                redirect.addFlashAttribute("flash", "vacancy.updated");
                return "redirect:" + VacancyRoutes.vacancy(id);
            } catch (VacancyInvalidException e) {
                reject(result, e.problems());
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        } else {
            reject(result, board.problems(user, form.details()));
        }
        // A refused or outraced edit: the form comes back as typed, with the reason, over the offer as it now stands.
        return form(model, user, board.get(user, id), form, result);
    }

    /** The board's own problems on their fields, except where the form already says what is wrong. */
    private static void reject(BindingResult result, List<Problem> problems) {
        for (Problem p : problems) {
            if (VacancyForm.FIELDS.contains(p.field())) {
                if (!result.hasFieldErrors(p.field())) {
                    // Added as is: after a conversion error the result holds no bean to read the value from.
                    result.addError(new FieldError(result.getObjectName(), p.field(), null, false,
                            new String[] {p.key()}, p.args(), null));
                }
            } else {
                result.reject(p.key(), p.args(), null);
            }
        }
    }

    private String form(Model model, CurrentUser user, Vacancy v, VacancyForm form, BindingResult result) {
        Long centre = form.centreId();
        boolean regional = VacancyRights.isRegionalService(user);
        model.addAttribute("vacancy", v == null ? null : VacancyView.of(v));
        model.addAttribute("form", Input.of(form, result));
        model.addAttribute("errors", result == null ? FormErrors.NONE : FormErrors.of(result, messages));
        model.addAttribute("regional", regional);
        model.addAttribute("centres", regional ? centres.all()
                : centres.all().stream().filter(c -> c.id() == (user.centreId() == null ? -1 : user.centreId())).toList());
        model.addAttribute("referents", board.possibleReferents(centre == null ? user.centreId() : centre));
        return "vacancies/form";
    }

    @PostMapping(VacancyRoutes.STATUS)
    String processStatusForm(@PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        try {
            board.editable(user, id, form.version());
        } catch (StaleFormException e) {
            // The offer changed meanwhile: its page, as it now stands, says so (a form at the old version cannot succeed).
            redirect.addFlashAttribute("problem", messages.t(e.messageKey()));
            return "redirect:" + VacancyRoutes.vacancy(id);
        }
        if (!result.hasErrors()) {
            try {
                board.changeStatus(user, id, form.version(), form.status(), form.note());
                redirect.addFlashAttribute("flash", "vacancy.status.changed");
                return "redirect:" + VacancyRoutes.vacancy(id);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        return page(model, user, id, new OpenForm("status", Input.of(form, result), FormErrors.of(result, messages)));
    }

    // ---- the Excel round trip ----

    @GetMapping({VacancyRoutes.EXPORT, VacancyRoutes.EXPORT_ODS})
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        export(exchange, currentUsers.require(), TabularFormat.ofPath(request.getRequestURI()), response);
    }

    /** The board file as a download (XLSX or ODS), for the page and the API alike. */
    static void export(BoardExchange exchange, CurrentUser user, TabularFormat format, HttpServletResponse response)
            throws IOException {
        BoardExchange.requireRead(user);
        response.setContentType(format.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(format.fileName("vetrina-opportunita-" + Dates.today())).build().toString());
        exchange.export(user, format, response.getOutputStream());
    }

    @GetMapping(VacancyRoutes.IMPORT)
    String importForm(Model model) {
        BoardExchange.requireImport(currentUsers.require());
        return importPage(model, null, null);
    }

    @PostMapping(VacancyRoutes.IMPORT)
    String importFile(@RequestParam(required = false) MultipartFile file,
            @RequestParam(name = ProgressBoard.FIELD, required = false) String progressToken, Model model)
            throws IOException {
        CurrentUser user = currentUsers.require();
        BoardExchange.requireImport(user);
        if (file == null || file.isEmpty()) {
            return importPage(model, null, messages.t("import.file.empty"));
        }
        try (TabularSource source = reader.receive(file)) {
            Progress progress = progressBoard.track(progressToken, "board");
            ImportReport report = exchange.importBoard(user, source, progress);
            progress.finish();
            return importPage(model, report, null);
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
