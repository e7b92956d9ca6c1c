package it.ricolloca.workers.web;

import it.ricolloca.shared.web.ApiProblemResponses;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.shared.progress.Progress;
import it.ricolloca.shared.progress.ProgressBoard;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.shared.web.ApiRefusals;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.RejectionsCsv;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Flash;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.WorkerRoutes;
import it.ricolloca.workers.internal.InvitationHistory;
import it.ricolloca.workers.internal.InvitationImporter;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The regional AdR service imports the invited sample; pages and API. */
@Controller
@PreAuthorize("hasAnyRole('REGIONAL_ADMIN', 'REGIONAL_ADR_SERVICE')")
class InvitationController {

    private final InvitationImporter importer;
    private final InvitationHistory history;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    private final TabularReader reader;
    private final ProgressBoard progressBoard;

    InvitationController(InvitationImporter importer, InvitationHistory history, CurrentUsers currentUsers,
            Messages messages,
            TabularReader reader, ProgressBoard progressBoard) {
        this.reader = reader;
        this.progressBoard = progressBoard;
        this.importer = importer;
        this.history = history;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping(WorkerRoutes.INVITATIONS)
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("imports", PageView.of(history.page(PageView.safePage(page), PageView.DEFAULT_SIZE), e -> e, "",
                WorkerRoutes.INVITATIONS));
        return "workers/invitations";
    }

    @GetMapping(WorkerRoutes.INVITATION_NEW)
    String initImportForm(Model model) {
        return form(model, Dates.today(), null);
    }

    @PostMapping(WorkerRoutes.INVITATIONS)
    String processImportForm(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate invitationDate,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(name = ProgressBoard.FIELD, required = false) String progressToken, Model model,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            return form(model, invitationDate, messages.t("import.file.empty"));
        }
        try (TabularSource source = reader.receive(file)) {
            Progress progress = progressBoard.track(progressToken, "invitations");
            ImportReport report = importer.importFile(currentUsers.require(), source, invitationDate, progress);
            progress.finish();
            if (report.alreadyImported()) {
                Flash.info(redirect, "import.already");
            } else {
                Flash.success(redirect, "import.done");
            }
            return "redirect:/invitations/" + report.importId();
        } catch (DomainException e) {
            return form(model, invitationDate, messages.t(e.messageKey(), e.args()));
        }
    }

    @AuditedRead(value = "INVITATION_IMPORT_VIEWED", record = "InvitationImport")
    @GetMapping(WorkerRoutes.INVITATION)
    String show(@PathVariable long id, Model model) {
        model.addAttribute("entry", history.get(id));
        model.addAttribute("rejections", history.rejections(id, 500));
        return "workers/invitation";
    }

    @AuditedRead(value = "INVITATION_REJECTIONS_DOWNLOADED", record = "InvitationImport")
    @GetMapping(WorkerRoutes.INVITATION_REJECTIONS)
    ResponseEntity<byte[]> rejections(@PathVariable long id) {
        history.get(id);
        return RejectionsCsv.download(messages.t("import.rejections.header"), history.rejections(id, Integer.MAX_VALUE),
                "scarti-inviti-" + id + ".csv");
    }

    @PostMapping(value = WorkerRoutes.API_IMPORT_INVITATIONS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    @ApiProblemResponses
    ResponseEntity<?> importApi(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate invitationDate,
            @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null) {
            return ApiRefusals.badRequest(messages, "import.file.empty");
        }
        try (TabularSource source = reader.receive(file)) {
            return ResponseEntity.ok(importer.importFile(currentUsers.require(), source, invitationDate));
        } catch (DomainException e) {
            return ApiRefusals.of(e, messages);
        }
    }

    private String form(Model model, LocalDate date, String error) {
        model.addAttribute("invitationDate", date == null ? "" : date.toString());
        model.addAttribute("error", error);
        model.addAttribute("headers", InvitationImporter.HEADERS.synonyms());
        return "workers/invitation-form";
    }
}
