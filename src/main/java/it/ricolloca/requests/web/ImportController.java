package it.ricolloca.requests.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.requests.RequestStatus;
import it.ricolloca.requests.internal.ImportHistory;
import it.ricolloca.requests.internal.ImportJobs;
import it.ricolloca.requests.internal.RequestListImporter;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.progress.Progress;
import it.ricolloca.shared.progress.ProgressBoard;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.RejectionsCsv;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Flash;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The regional AdR service imports the ministerial list and reads the snapshots. */
@Controller
@PreAuthorize("hasAnyRole('REGIONAL_ADMIN', 'REGIONAL_ADR_SERVICE')")
class ImportController {

    private final RequestListImporter importer;
    private final ImportHistory history;
    private final CurrentUsers currentUsers;
    private final Messages messages;
    private final ImportJobs jobs;
    private final long asyncThreshold;

    private final TabularReader reader;
    private final ProgressBoard progressBoard;

    ImportController(RequestListImporter importer, ImportHistory history, CurrentUsers currentUsers, Messages messages,
            ImportJobs jobs, @Value(
                    "${ricolloca.imports.background-above-bytes:2000000}") long asyncThreshold, TabularReader reader,
            ProgressBoard progressBoard) {
        this.progressBoard = progressBoard;
        this.reader = reader;
        this.jobs = jobs;
        this.asyncThreshold = asyncThreshold;
        this.importer = importer;
        this.history = history;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping(RequestRoutes.IMPORTS)
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("imports", PageView.of(history.page(PageView.safePage(page), PageView.DEFAULT_SIZE), e -> e, "",
                RequestRoutes.IMPORTS));
        model.addAttribute("all", history.all());
        return "requests/imports";
    }

    @GetMapping(RequestRoutes.IMPORT_NEW)
    String initImportForm(Model model) {
        return form(model, Dates.today(), null);
    }

    @PostMapping(RequestRoutes.IMPORTS)
    String processImportForm(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate snapshotDate,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(name = ProgressBoard.FIELD, required = false) String progressToken, Model model,
            RedirectAttributes redirect) throws IOException {
        CurrentUser user = currentUsers.require();
        if (file == null || file.isEmpty()) {
            return form(model, snapshotDate, messages.t("import.file.empty"));
        }
        try {
            if (file.getSize() > asyncThreshold) {
                UUID job = jobs.start(user, reader.receive(file), snapshotDate);
                return "redirect:" + RequestRoutes.job(job);
            }
            ImportReport result;
            try (TabularSource source = reader.receive(file)) {
                Progress progress = progressBoard.track(progressToken, "requests");
                result = importer.importFile(user, source, snapshotDate, new RequestListImporter.Progress() {
                    @Override
                    public Progress rows() {
                        return progress;
                    }
                });
                progress.finish();
            }
            if (result.alreadyImported()) {
                Flash.info(redirect, "import.already");
            } else {
                Flash.success(redirect, "import.done");
            }
            return "redirect:" + RequestRoutes.importPage(result.importId());
        } catch (DomainException e) {
            return form(model, snapshotDate, messages.t(e.messageKey(), e.args()));
        }
    }

    @GetMapping(RequestRoutes.IMPORT_JOB)
    String job(@PathVariable UUID id, @RequestHeader(
            value = "HX-Request", required = false) String htmx, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        ImportJobs.Job job = jobs.get(id);
        if (job.phase() == ImportJobs.Phase.DONE) {
            if (htmx != null) {
                response.setHeader("HX-Redirect", RequestRoutes.importPage(job.importId()));
            } else {
                redirect.addFlashAttribute("flash", "import.done");
                return "redirect:" + RequestRoutes.importPage(job.importId());
            }
        }
        model.addAttribute("job", job);
        model.addAttribute("progress", progressBoard.read(id.toString()));
        return "requests/job";
    }

    @AuditedRead(value = "REQUEST_IMPORT_VIEWED", record = "RequestImport")
    @GetMapping(RequestRoutes.IMPORT)
    String show(@PathVariable long id, Model model) {
        model.addAttribute("entry", history.get(id));
        model.addAttribute("rejections", history.rejections(id, 500));
        model.addAttribute("table", SnapshotTable.of(history.byCentreAndStatus(id)));
        return "requests/import";
    }

    @AuditedRead(value = "REQUEST_IMPORT_REJECTIONS_DOWNLOADED", record = "RequestImport")
    @GetMapping(RequestRoutes.IMPORT_REJECTIONS)
    ResponseEntity<byte[]> rejections(@PathVariable long id) {
        ImportHistory.Entry entry = history.get(id);
        return RejectionsCsv.download(messages.t("import.rejections.header"), history.rejections(id, Integer.MAX_VALUE),
                "scarti-importazione-" + entry.id() + ".csv");
    }

    @AuditedRead(value = "REQUEST_IMPORTS_COMPARED", record = "RequestImport", idVariable = "")
    @GetMapping(RequestRoutes.IMPORT_COMPARE)
    String compare(@RequestParam long from, @RequestParam long to, Model model) {
        var a = history.get(from);
        var b = history.get(to);
        var countsA = history.byStatus(from);
        var countsB = history.byStatus(to);
        List<RequestStatus> statuses = Arrays.stream(RequestStatus.values())
                .filter(s -> countsA.containsKey(s.name()) || countsB.containsKey(s.name())).toList();
        model.addAttribute("from", a);
        model.addAttribute("to", b);
        model.addAttribute("statuses", statuses);
        model.addAttribute("countsFrom", countsA);
        model.addAttribute("countsTo", countsB);
        model.addAttribute("changed", history.changedBetween(from, to));
        return "requests/compare";
    }

    private String form(Model model, LocalDate snapshotDate, String error) {
        model.addAttribute("snapshotDate", snapshotDate == null ? "" : snapshotDate.toString());
        model.addAttribute("error", error);
        model.addAttribute("headers", RequestListImporter.HEADERS.synonyms());
        return "requests/import-form";
    }
}
