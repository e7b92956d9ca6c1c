package it.ricolloca.pathway.web;

import it.ricolloca.audit.AuditedRead;
import static it.ricolloca.shared.web.FormValues.at;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.AgendaRefusedException;
import it.ricolloca.agenda.StartTimes;
import it.ricolloca.documents.DocumentContent;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import it.ricolloca.pathway.internal.PathwayQueries;
import it.ricolloca.pathway.internal.PathwayQueries.NamedTutor;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.internal.PathwayWork.QueueItem;
import it.ricolloca.pathway.web.PathwayViews.ActionRow;
import it.ricolloca.pathway.web.PathwayViews.PathwayPage;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.tabular.SpreadsheetText;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.Workers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider CPI's pages: the queue of released requests to schedule and the first appointment;
 * the pathways, each with its tutor, appointments, pact, timesheet and dossier; the tutors each CPI
 * has named, for the regional agency. A refused act comes back to its page with the Italian reason.
 */
@Controller
class PathwayController {

    static final int MAX_ACTIONS = 8;

    private final PathwayWork work;
    private final PathwayQueries queries;
    private final Agenda agenda;
    private final CurrentUsers currentUsers;
    private final StaffDirectory staff;
    private final Workers workers;
    private final JobCentres centres;
    private final Dossier dossier;
    private final Messages messages;
    private final PathwayActs acts;

    private final List<PathwaySection.Provider> sectionProviders;

    PathwayController(PathwayWork work, PathwayQueries queries, Agenda agenda, CurrentUsers currentUsers,
            StaffDirectory staff, Workers workers, JobCentres centres, Dossier dossier, Messages messages,
            PathwayActs acts, List<PathwaySection.Provider> sectionProviders) {
        this.acts = acts;
        this.sectionProviders = sectionProviders;
        this.work = work;
        this.queries = queries;
        this.agenda = agenda;
        this.currentUsers = currentUsers;
        this.staff = staff;
        this.workers = workers;
        this.centres = centres;
        this.dossier = dossier;
        this.messages = messages;
    }

    @Bean
    static MenuEntry queueMenuEntry() {
        return new MenuEntry(25, "nav.queue", PathwayRoutes.QUEUE, Role.caseFileRoleNames());
    }

    @Bean
    static MenuEntry pathwaysMenuEntry() {
        return new MenuEntry(26, "nav.pathways", PathwayRoutes.PATHWAYS, Role.caseFileRoleNames());
    }

    @Bean
    static MenuEntry tutorsMenuEntry() {
        return new MenuEntry(27, "nav.tutors", PathwayRoutes.TUTORS,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER"));
    }

    @Bean
    static MenuEntry feedsMenuEntry() {
        return new MenuEntry(28, "nav.feeds", PathwayRoutes.FEEDS, Set.of("CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR"));
    }

    // ---- queue and first appointment ----

    @AuditedRead(value = "PATHWAY_QUEUE_VIEWED", record = "VoucherRequest", idVariable = "")
    @GetMapping(PathwayRoutes.QUEUE)
    String queue(Model model) {
        model.addAttribute("items", work.queue(currentUsers.require()));
        return "pathway/queue";
    }

    @AuditedRead(value = "PATHWAY_QUEUE_ITEM_VIEWED", record = "VoucherRequest", idVariable = "requestId")
    @GetMapping(PathwayRoutes.QUEUE_BOOK)
    String bookForm(@PathVariable long requestId, Model model) {
        CurrentUser user = currentUsers.require();
        QueueItem item = work.queued(user, requestId);
        LocalDate today = Dates.today();
        model.addAttribute("item", item);
        model.addAttribute("canBook", agenda.canBook(user, item.office()));
        java.time.Instant now = java.time.Instant.now();
        List<Agenda.SlotView> slots = agenda.slots(item.office().id(), today.minusDays(7), today.plusDays(28));
        List<PathwayViews.BookableSlot> free = slots.stream().filter(s -> s.free() > 0)
                .map(s -> new PathwayViews.BookableSlot(s.slot().start(), s.slot().start().toInstant().isBefore(now)))
                .toList();
        model.addAttribute("hasAgenda", agenda.hasAgendaOn(item.office().id(), today)
                || slots.stream().anyMatch(s -> !s.slot().start().toLocalDate().isBefore(today)));
        model.addAttribute("slots", free);
        model.addAttribute("defaultSlot", free.stream().filter(s -> !s.past()).map(PathwayViews.BookableSlot::start)
                .findFirst().orElse(null));
        return "pathway/book";
    }

    @PostMapping(PathwayRoutes.QUEUE_BOOK)
    String book(@PathVariable long requestId, @RequestParam(defaultValue = "") String start,
            @RequestParam(defaultValue = "") String mode, @RequestParam(defaultValue = "60") String minutes,
            @RequestParam(defaultValue = "") String contactNote, @RequestParam(defaultValue = "") String justification,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        QueueItem item = work.queued(user, requestId);
        if (!agenda.canBook(user, item.office())) {
            throw new AccessDeniedException("booking");
        }
        try {
            Integer contactMinutes = "contact".equals(mode) ? parseInt(minutes) : null;
            long id = work.bookFirstAppointment(user, requestId, StartTimes.parse(start), contactMinutes, contactNote,
                    justification);
            redirect.addFlashAttribute("flash", "pathway.first.booked");
            return "redirect:" + PathwayRoutes.pathway(id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
            return "redirect:/pathways/queue/" + requestId;
        }
    }

    // ---- pathways ----

    @AuditedRead(value = "PATHWAYS_LISTED", record = "Pathway", idVariable = "")
    @GetMapping(PathwayRoutes.PATHWAYS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        String query = q == null ? "" : q.strip();
        boolean onlyMine = Boolean.TRUE.equals(mine) && user.hasRole(Role.CPI_TUTOR);
        model.addAttribute("pathways", PageView.of(queries.search(user, onlyMine, query, PageView.safePage(page),
                PageView.DEFAULT_SIZE), r -> r, query, PathwayRoutes.PATHWAYS + (onlyMine ? "?mine=true" : "")));
        model.addAttribute("mine", onlyMine);
        model.addAttribute("isTutor", user.hasRole(Role.CPI_TUTOR));
        return "pathway/pathways";
    }

    @AuditedRead(value = "PATHWAY_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.PATHWAY)
    String show(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.get(user, id);
        List<SearchPact> pacts = work.pacts(p);
        model.addAttribute("page", new PathwayPage(p,
                workers.find(p.getWorkerId()).orElseThrow(),
                centres.office(p.getOfficeId()).orElseThrow(),
                p.getTutorUserId() == null ? null : staff.find(p.getTutorUserId()).orElse(null),
                work.serviceStart(p).orElse(null), work.appointments(p), pacts, work.tutorHistory(p),
                work.canWork(user, p), work.canAssignTutor(user, p),
                work.canAssignTutor(user, p) ? staff.withRole(p.getCentreId(), Role.CPI_TUTOR) : List.of(),
                Dates.today(), work.plannedEnd(p).orElse(null),
                sectionProviders.stream().map(s -> s.section(user, p.getId(), p.getWorkerId()))
                        .filter(java.util.Objects::nonNull).toList()));
        return "pathway/pathway";
    }

    @PostMapping(PathwayRoutes.TUTOR)
    String tutor(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String tutorId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        CurrentUser current = currentUsers.require();
        if (!work.canAssignTutor(current, work.get(current, id))) {
            throw new AccessDeniedException("tutor");
        }
        return act(id, redirect, "pathway.tutor.assigned", user -> work.assignTutor(user, id, version,
                Optional.ofNullable(parseLong(tutorId)).orElseThrow(() -> new PathwayRefusedException("pathway.tutor.notATutor")),
                reason));
    }

    // ---- pact ----

    @AuditedRead(value = "PATHWAY_PACT_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.PACT)
    String pactForm(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.get(user, id);
        if (!work.canWork(user, p)) {
            throw new AccessDeniedException("pact");
        }
        List<SearchPact> pacts = work.pacts(p);
        SearchPact draft = pacts.isEmpty() || pacts.get(0).getStatus() != it.ricolloca.pathway.PactStatus.DRAFT ? null : pacts.get(0);
        List<ActionRow> rows = new ArrayList<>();
        List<PactAction> existing = draft == null ? List.of() : draft.getActions();
        for (int i = 0; i < MAX_ACTIONS; i++) {
            PactAction a = i < existing.size() ? existing.get(i) : null;
            rows.add(new ActionRow(i, a == null ? "" : a.getKind().name(), a == null ? "" : a.getDescription(),
                    a == null || a.getDueOn() == null ? "" : a.getDueOn().toString()));
        }
        model.addAttribute("pathway", p);
        model.addAttribute("worker", workers.find(p.getWorkerId()).orElseThrow());
        model.addAttribute("rows", rows);
        model.addAttribute("nextAppointments", draft == null || draft.getNextAppointments() == null ? ""
                : draft.getNextAppointments());
        model.addAttribute("versionNo", draft == null ? (pacts.isEmpty() ? 1 : pacts.get(0).getVersionNo() + 1)
                : draft.getVersionNo());
        model.addAttribute("kinds", List.of(PactActionKind.values()));
        return "pathway/pact";
    }

    @PostMapping(PathwayRoutes.PACT)
    String saveDraft(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "kind", required = false) String[] kind,
            @RequestParam(name = "description", required = false) String[] description,
            @RequestParam(name = "due", required = false) String[] due,
            @RequestParam(defaultValue = "") String nextAppointments, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!work.canWork(user, work.get(user, id))) {
            throw new AccessDeniedException("pact");
        }
        try {
            List<PactAction> actions = new ArrayList<>();
            for (int i = 0; i < MAX_ACTIONS; i++) {
                String k = at(kind, i);
                if (k.isEmpty() && at(description, i).isEmpty()) {
                    continue;
                }
                PactActionKind actionKind;
                try {
                    actionKind = PactActionKind.valueOf(k);
                } catch (IllegalArgumentException e) {
                    throw new PathwayRefusedException("pathway.pact.actionRow", i + 1);
                }
                LocalDate dueOn = at(due, i).isEmpty() ? null : FormValues.date(at(due, i))
                        .orElseThrow(() -> new PathwayRefusedException("pathway.pact.actionRow", 0));
                try {
                    actions.add(new PactAction(actionKind, at(description, i), dueOn));
                } catch (PathwayRefusedException e) {
                    throw new PathwayRefusedException("pathway.pact.actionRow", i + 1);
                }
            }
            if (nextAppointments.length() > 2000) {
                throw new PathwayRefusedException("pathway.text.tooLong");
            }
            work.saveDraft(user, id, version, actions, nextAppointments.isBlank() ? null : nextAppointments.strip());
            redirect.addFlashAttribute("flash", "pathway.pact.saved");
            return "redirect:" + PathwayRoutes.pathway(id);
        } catch (PathwayRefusedException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
            return "redirect:/pathways/" + id + "/pact";
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("problem", messages.t("pathway.stale"));
            return "redirect:/pathways/" + id + "/pact";
        }
    }

    @AuditedRead(value = "PATHWAY_PACT_DOWNLOADED", record = "Pathway")
    @GetMapping(PathwayRoutes.PACT_PDF)
    ResponseEntity<byte[]> pactPdf(@PathVariable long id, @PathVariable int versionNo) {
        return pdf(work.pactPdf(currentUsers.require(), id, versionNo), "patto-v" + versionNo + ".pdf");
    }

    @PostMapping(PathwayRoutes.PACT_SIGN)
    String sign(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String signedOn, RedirectAttributes redirect) {
        return act(id, redirect, "pathway.pact.signed", user -> work.sign(user, id, version,
                FormValues.date(signedOn).orElseThrow(() -> new PathwayRefusedException("pathway.date.invalid"))));
    }

    @PostMapping(PathwayRoutes.PACT_AMEND)
    String amend(@PathVariable long id, @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        return act(id, redirect, "pathway.pact.amended", user -> work.amend(user, id, version));
    }

    @PostMapping(PathwayRoutes.PACT_SIGNED_COPY)
    String signedCopy(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "pathway.pact.copyUploaded", user -> work.uploadSignedCopy(user, id, version, upload(file)));
    }

    // ---- timesheet ----

    @PostMapping(PathwayRoutes.TIMESHEET)
    String addHours(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String activity, @RequestParam(defaultValue = "") String onDate,
            @RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return act(id, redirect, "pathway.timesheet.added", user -> {
            ServiceTimesheetActivity a;
            try {
                a = ServiceTimesheetActivity.valueOf(activity);
            } catch (IllegalArgumentException e) {
                throw new PathwayRefusedException("pathway.timesheet.activity");
            }
            BigDecimal h;
            try {
                h = new BigDecimal(hours.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new PathwayRefusedException("pathway.timesheet.hours");
            }
            if (note.length() > 500) {
                throw new PathwayRefusedException("pathway.text.tooLong");
            }
            work.addHours(user, id, version, a, FormValues.date(onDate)
                    .orElseThrow(() -> new PathwayRefusedException("pathway.date.invalid")), h, note);
        });
    }

    @PostMapping(PathwayRoutes.TIMESHEET_REMOVE)
    String removeHours(@PathVariable long id, @PathVariable long entryId, @RequestParam(defaultValue = "-1") long version,
            RedirectAttributes redirect) {
        return act(id, redirect, "pathway.timesheet.removed", user -> work.removeHours(user, id, version, entryId));
    }

    @AuditedRead(value = "PATHWAY_TIMESHEET_DOWNLOADED", record = "Pathway")
    @GetMapping(PathwayRoutes.TIMESHEET_PDF)
    ResponseEntity<byte[]> timesheetPdf(@PathVariable long id) {
        return pdf(work.timesheetPdf(currentUsers.require(), id), "timesheet.pdf");
    }

    // ---- dossier ----

    @AuditedRead(value = "PATHWAY_DOSSIER_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.DOSSIER)
    String dossier(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.get(user, id);
        model.addAttribute("pathway", p);
        model.addAttribute("worker", workers.find(p.getWorkerId()).orElseThrow());
        model.addAttribute("documents", dossier.ofWorker(p.getWorkerId()));
        model.addAttribute("canWork", work.canWork(user, p));
        model.addAttribute("kinds", java.util.Arrays.stream(DocumentKind.values()).filter(DocumentKind::uploadable).toList());
        model.addAttribute("maxMegabytes", dossier.maxUploadBytes() / (1024 * 1024));
        return "pathway/dossier";
    }

    @PostMapping(PathwayRoutes.DOSSIER)
    String upload(@PathVariable long id, @RequestParam(defaultValue = "OTHER") String kind,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!work.canWork(user, work.get(user, id))) {
            throw new AccessDeniedException("dossier");
        }
        try {
            DocumentKind k;
            try {
                k = DocumentKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new PathwayRefusedException("pathway.dossier.kind.invalid");
            }
            if (title.length() > 300) {
                throw new PathwayRefusedException("pathway.text.tooLong");
            }
            work.upload(user, id, k, title, upload(file));
            redirect.addFlashAttribute("flash", "pathway.dossier.uploaded");
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        }
        return "redirect:" + PathwayRoutes.dossier(id);
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

    @AuditedRead(value = "PATHWAY_DOSSIER_DOWNLOADED", record = "Pathway")
    @GetMapping(PathwayRoutes.DOSSIER_ZIP)
    void zip(@PathVariable long id, HttpServletResponse response) throws IOException {
        Pathway p = work.get(currentUsers.require(), id);
        String cf = workers.find(p.getWorkerId()).map(w -> w.taxCode()).orElse("lavoratore");
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("dossier-" + cf + ".zip", StandardCharsets.UTF_8).build().toString());
        dossier.zip(p.getWorkerId(), k -> messages.t(k.labelKey()), response.getOutputStream());
    }

    // ---- tutors named by each CPI ----

    @GetMapping(PathwayRoutes.TUTORS)
    String tutors(Model model) {
        CurrentUser user = tutorReader();
        model.addAttribute("tutors", queries.namedTutors(user));
        return "pathway/tutors";
    }

    @GetMapping(PathwayRoutes.TUTORS_XLSX)
    ResponseEntity<byte[]> tutorsXlsx() {
        List<NamedTutor> tutors = queries.namedTutors(tutorReader());
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.t("pathway.tutors.sheet"));
            Row header = sheet.createRow(0);
            String[] titles = {messages.t("pathway.tutors.centre"), messages.t("pathway.tutors.tutor"),
                messages.t("pathway.tutors.email"), messages.t("pathway.tutors.workers")};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (NamedTutor t : tutors) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(SpreadsheetText.neutralise(t.centre()));
                row.createCell(1).setCellValue(SpreadsheetText.neutralise(t.tutor()));
                row.createCell(2).setCellValue(SpreadsheetText.neutralise(t.email()));
                row.createCell(3).setCellValue(t.workers());
            }
            book.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("tutor-nominati-" + Dates.today() + ".xlsx").build().toString())
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CurrentUser tutorReader() {
        CurrentUser user = currentUsers.require();
        if (!(user.hasRole(Role.REGIONAL_ADMIN) || user.hasRole(Role.REGIONAL_ADR_SERVICE) || user.hasRole(Role.CPI_MASTER))) {
            throw new AccessDeniedException("tutors");
        }
        return user;
    }

    // ---- helpers ----

    private String act(long id, RedirectAttributes redirect, String done, PathwayActs.Act act) {
        return acts.run(id, redirect, done, null, act);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(bytes);
    }

    private static Upload upload(MultipartFile file) {
        Upload upload = Upload.of(file);
        if (upload == null) {
            throw new RejectedUploadException("document.upload.empty", file == null ? "" : file.getOriginalFilename());
        }
        return upload;
    }


    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new AgendaRefusedException("agenda.rule.invalid");
        }
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
