package it.ricolloca.workers.web;

import it.ricolloca.shared.progress.Progress;
import it.ricolloca.shared.progress.ProgressBoard;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.tabular.TabularReader;
import it.ricolloca.shared.tabular.TabularSource;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.WorkerRoutes;
import it.ricolloca.workers.internal.RegisterExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The regional AdR service downloads and uploads the register as an XLSX workbook. */
@Controller
@PreAuthorize("hasAnyRole('REGIONAL_ADMIN', 'REGIONAL_ADR_SERVICE')")
class RegisterController {

    private final RegisterExchange exchange;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    private final TabularReader reader;
    private final ProgressBoard progressBoard;

    RegisterController(RegisterExchange exchange, CurrentUsers currentUsers, Messages messages,
            TabularReader reader, ProgressBoard progressBoard) {
        this.reader = reader;
        this.progressBoard = progressBoard;
        this.exchange = exchange;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping({WorkerRoutes.REGISTER_EXPORT, WorkerRoutes.REGISTER_EXPORT_ODS})
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TabularFormat format = TabularFormat.ofPath(request.getRequestURI());
        response.setContentType(format.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(format.fileName("registro-lavoratori-" + Dates.today())).build().toString());
        exchange.export(currentUsers.require(), format, response.getOutputStream());
    }

    @GetMapping(WorkerRoutes.REGISTER_IMPORT)
    String initImportForm(Model model) {
        return page(model, null, null);
    }

    @PostMapping(WorkerRoutes.REGISTER_IMPORT)
    String processImportForm(@RequestParam(required = false) MultipartFile file,
            @RequestParam(name = ProgressBoard.FIELD, required = false) String progressToken, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return page(model, null, messages.t("import.file.empty"));
        }
        try (TabularSource source = reader.receive(file)) {
            Progress progress = progressBoard.track(progressToken, "register");
            ImportReport report = exchange.importRegister(currentUsers.require(), source, progress);
            progress.finish();
            return page(model, report, null);
        } catch (DomainException e) {
            return page(model, null, messages.t(e.messageKey(), e.args()));
        }
    }

    private String page(Model model, ImportReport report, String error) {
        model.addAttribute("report", report);
        model.addAttribute("error", error);
        model.addAttribute("sheets", List.of(
                List.of(RegisterExchange.WORKERS_SHEET, String.join(" · ", RegisterExchange.WORKER_HEADERS)),
                List.of(RegisterExchange.WORK_SHEET, String.join(" · ", RegisterExchange.WORK_HEADERS)),
                List.of(RegisterExchange.EDUCATION_SHEET, String.join(" · ", RegisterExchange.EDUCATION_HEADERS))));
        return "workers/register-import";
    }
}
