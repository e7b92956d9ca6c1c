package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.documents.DocumentContent;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.pathway.internal.PathwayDue;
import it.ricolloca.pathway.internal.PathwayQueries;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.web.PathwayForms.UploadForm;
import it.ricolloca.pathway.web.PathwayViews.DossierPage;
import it.ricolloca.shared.tabular.TabularDownload;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider CPI's pathways: the list, the page of one pathway with its tutor, appointments,
 * pact, timesheet and service, the worker's dossier, and the tutors each CPI has named, for the
 * regional agency. The acts live in the controllers of their capability.
 */
@Controller
class PathwayController {

    private final PathwayWork work;
    private final PathwayQueries queries;
    private final PathwayPages pages;
    private final CurrentUsers currentUsers;
    private final Workers workers;
    private final Dossier dossier;
    private final Messages messages;

    PathwayController(PathwayWork work, PathwayQueries queries, PathwayPages pages, CurrentUsers currentUsers,
            Workers workers, Dossier dossier, Messages messages) {
        this.work = work;
        this.queries = queries;
        this.pages = pages;
        this.currentUsers = currentUsers;
        this.workers = workers;
        this.dossier = dossier;
        this.messages = messages;
    }

    @Bean
    static MenuEntry pathwaysMenuEntry() {
        return new MenuEntry(MenuArea.PATHWAYS, 30, "nav.pathways", PathwayRoutes.PATHWAYS, Role.caseFileRoleNames());
    }

    @Bean
    static MenuEntry tutorsMenuEntry() {
        return new MenuEntry(MenuArea.PATHWAYS, 50, "nav.tutors", PathwayRoutes.TUTORS,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER"));
    }

    @Bean
    static MenuEntry feedsMenuEntry() {
        return new MenuEntry(MenuArea.PATHWAYS, 60, "nav.feeds", PathwayRoutes.FEEDS, Set.of("CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR"));
    }

    @AuditedRead(value = "PATHWAYS_LISTED", record = "Pathway", idVariable = "")
    @GetMapping(PathwayRoutes.PATHWAYS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) PathwayDue due, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        String query = q == null ? "" : q.strip();
        boolean onlyMine = Boolean.TRUE.equals(mine) && user.hasRole(Role.CPI_TUTOR);
        String base = PathwayRoutes.PATHWAYS + (onlyMine ? "?mine=true" : "")
                + (due == null ? "" : (onlyMine ? "&" : "?") + "due=" + due.name());
        model.addAttribute("pathways", PageView.of(queries.search(user, onlyMine, due, query, PageView.safePage(page),
                PageView.DEFAULT_SIZE), r -> r, query, base));
        model.addAttribute("mine", onlyMine);
        model.addAttribute("due", due);
        model.addAttribute("isTutor", user.hasRole(Role.CPI_TUTOR));
        return "pathway/pathways";
    }

    @AuditedRead(value = "PATHWAY_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.PATHWAY)
    String show(@PathVariable long id, @RequestParam(required = false) String tab, Model model) {
        return pages.show(model, currentUsers.require(), id, PathwayTab.of(tab));
    }

    // ---- dossier ----

    @AuditedRead(value = "PATHWAY_DOSSIER_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.DOSSIER)
    String dossier(@PathVariable long id, Model model) {
        return dossierPage(model, work.get(currentUsers.require(), id), new UploadForm(DocumentKind.OTHER, ""),
                FormErrors.NONE);
    }

    @PostMapping(PathwayRoutes.DOSSIER)
    String upload(@PathVariable long id, @Valid @ModelAttribute("form") UploadForm form, BindingResult result,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.worked(user, id, "dossier");
        if (Refusals.attempt(result, form, () -> work.upload(user, id, form.kind(), form.title(), upload(file)))) {
            redirect.addFlashAttribute("flash", "pathway.dossier.uploaded");
            return "redirect:" + PathwayRoutes.dossier(id);
        }
        return dossierPage(model, p, form, FormErrors.of(result, messages));
    }

    private String dossierPage(Model model, Pathway p, UploadForm form, FormErrors errors) {
        CurrentUser user = currentUsers.require();
        WorkerSummary worker = workers.find(p.getWorkerId()).orElseThrow();
        model.addAttribute("page", new DossierPage(p, worker, dossier.ofWorker(p.getWorkerId()), work.canWork(user, p),
                Arrays.stream(DocumentKind.values()).filter(DocumentKind::uploadable).toList(),
                dossier.maxUploadBytes() / (1024 * 1024), form, errors));
        return "pathway/dossier";
    }

    @AuditedRead(value = "DOCUMENT_DOWNLOADED", record = "Document", idVariable = "documentId")
    @GetMapping(PathwayRoutes.DOSSIER_DOCUMENT)
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        Pathway p = work.get(currentUsers.require(), id);
        DocumentContent content = dossier.content(documentId).filter(c -> c.document().workerId() == p.getWorkerId())
                .orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(content.bytes());
    }

    @AuditedRead(value = "DOCUMENT_ENVELOPE_DOWNLOADED", record = "Document", idVariable = "documentId")
    @GetMapping(PathwayRoutes.DOSSIER_ENVELOPE)
    ResponseEntity<byte[]> envelope(@PathVariable long id, @PathVariable long documentId) {
        Pathway p = work.get(currentUsers.require(), id);
        DocumentContent envelope = dossier.envelope(documentId).filter(c -> c.document().workerId() == p.getWorkerId())
                .orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkcs7-mime"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(envelope.document().envelope().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(envelope.bytes());
    }

    @AuditedRead(value = "PATHWAY_DOSSIER_DOWNLOADED", record = "Pathway")
    @GetMapping(PathwayRoutes.DOSSIER_ZIP)
    void zip(@PathVariable long id, HttpServletResponse response) throws IOException {
        Pathway p = work.get(currentUsers.require(), id);
        String cf = workers.find(p.getWorkerId()).map(WorkerSummary::taxCode).orElse("lavoratore");
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("dossier-" + cf + ".zip", StandardCharsets.UTF_8).build().toString());
        dossier.zip(p.getWorkerId(), k -> messages.t(k.labelKey()), response.getOutputStream());
    }

    // ---- tutors named by each CPI ----

    @GetMapping(PathwayRoutes.TUTORS)
    String tutors(Model model) {
        model.addAttribute("tutors", queries.namedTutors(currentUsers.require()));
        return "pathway/tutors";
    }

    @GetMapping({PathwayRoutes.TUTORS_XLSX, PathwayRoutes.TUTORS_ODS})
    ResponseEntity<byte[]> tutorsXlsx(HttpServletRequest request) {
        CurrentUser user = currentUsers.require();
        TabularFormat format = TabularFormat.ofPath(request.getRequestURI());
        return TabularDownload.written(format.fileName("tutor-nominati-" + Dates.today()), format.mediaType(),
                out -> queries.writeNamedTutors(user, format, out));
    }

    static Upload upload(MultipartFile file) {
        Upload upload = Upload.of(file);
        if (upload == null) {
            throw new RejectedUploadException("document.upload.empty", file == null ? "" : file.getOriginalFilename());
        }
        return upload;
    }
}
