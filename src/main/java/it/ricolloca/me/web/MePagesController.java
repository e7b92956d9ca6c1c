package it.ricolloca.me.web;

import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.documents.DocumentContent;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.DossierDocument;
import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import it.ricolloca.me.web.MeForms.ContactsForm;
import it.ricolloca.me.web.MeForms.ObservationForm;
import it.ricolloca.me.web.MeForms.UploadForm;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.notifications.MailLog;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.OwnPact;
import it.ricolloca.pathway.Pathways.OwnPathway;
import it.ricolloca.requests.Provider;
import it.ricolloca.requests.RequestRefusedException;
import it.ricolloca.requests.WorkerRequests;
import it.ricolloca.requests.WorkerRequests.OwnRequest;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Flash;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import it.ricolloca.workers.Workers.ContactPreferences;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The worker's pages (ADR 0040): their request (and observations on a notice), their pathway, the pact and the
 * timesheet, their documents, the messages sent to them and their contact preferences. Everything is asked with
 * the signed-in worker's id: another worker's record does not exist here (404). Every act is audited with the
 * worker as actor.
 */
@Controller
class MePagesController {

    private static final int MAX_ATTACHMENTS = 5;
    private static final int MAX_MESSAGES = 50;
    /** What a worker may upload: a CV or a signed copy of the pact or of the timesheet. */
    private static final List<DocumentKind> UPLOADABLE = List.of(DocumentKind.CV, DocumentKind.PACT_SIGNED,
            DocumentKind.TIMESHEET_SIGNED);

    private final WorkerRequests requests;
    private final Pathways pathways;
    private final JobCentres centres;
    private final StaffDirectory staff;
    private final Dossier dossier;
    private final Workers workers;
    private final MailLog mails;
    private final AuditTrail audit;
    private final Messages messages;

    MePagesController(WorkerRequests requests, Pathways pathways, JobCentres centres, StaffDirectory staff,
            Dossier dossier, Workers workers, MailLog mails, AuditTrail audit, Messages messages) {
        this.requests = requests;
        this.pathways = pathways;
        this.centres = centres;
        this.staff = staff;
        this.dossier = dossier;
        this.workers = workers;
        this.mails = mails;
        this.audit = audit;
        this.messages = messages;
    }

    private static WorkerPrincipal me() {
        return WorkerPrincipal.current().orElseThrow(NotFoundException::new);
    }

    // ---- the request ----

    @GetMapping(MeRoutes.REQUEST)
    String request(Model model) {
        return requestPage(model, null, FormErrors.NONE);
    }

    @PostMapping(MeRoutes.REQUEST_OBSERVATION)
    String sendObservation(@Valid @ModelAttribute("form") ObservationForm form, BindingResult result,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        WorkerPrincipal me = me();
        List<Upload> uploads = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).map(Upload::of).toList();
        if (uploads.size() > MAX_ATTACHMENTS) {
            result.rejectValue("text", "me.request.observation.tooManyFiles", new Object[] {MAX_ATTACHMENTS}, null);
        }
        if (!result.hasErrors()) {
            OwnRequest own = requests.latest(me.workerId()).orElseThrow(NotFoundException::new);
            try {
                requests.sendObservation(me.workerId(), own.id(), form.version() == null ? -1 : form.version(),
                        form.text().strip(), uploads, me.getName());
                Flash.success(redirect, "me.request.observation.sent");
                return "redirect:" + MeRoutes.REQUEST;
            } catch (RejectedUploadException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (RequestRefusedException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("request.refused.stale");
            }
        }
        return requestPage(model, form, FormErrors.of(result, messages));
    }

    private String requestPage(Model model, ObservationForm form, FormErrors errors) {
        WorkerPrincipal me = me();
        MeViews.Request view = requests.latest(me.workerId()).map(this::requestView).orElse(null);
        model.addAttribute("view", view);
        model.addAttribute("form", form != null ? form : new ObservationForm("", view == null ? 0L : view.version()));
        model.addAttribute("errors", errors);
        model.addAttribute("maxMegabytes", dossier.maxUploadBytes() / (1024 * 1024));
        return "me/request";
    }

    private MeViews.Request requestView(OwnRequest r) {
        Map<Long, DossierDocument> letters = dossier.find(java.util.stream.Stream.of(r.noticeLetterId(),
                r.decisionLetterId()).filter(Objects::nonNull).toList()).stream()
                .collect(Collectors.toMap(DossierDocument::id, Function.identity()));
        return new MeViews.Request(r.id(), r.version(), messages.t(r.status().labelKey()), date(r.requestDate()),
                date(r.statusDate()), centres.find(r.competentCentreId()).map(CentreSummary::name).orElse(""),
                provider(r.provider()), r.noticeDate() != null, date(r.noticeDate()), blank(r.noticeReasons()),
                doc(letters.get(r.noticeLetterId())), date(r.observationDeadline()), r.observationsOpen(),
                r.windowClosedOn() == null ? null : date(r.windowClosedOn()), date(r.decisionDate()),
                blank(r.decisionReasons()), doc(letters.get(r.decisionLetterId())),
                r.observations().stream().map(o -> new MeViews.Observation(date(o.receivedOn()), o.text(),
                        o.attachments())).toList());
    }

    private static String provider(Provider p) {
        if (p == null) {
            return "";
        }
        return p.office() == null ? p.name() : p.name() + " – " + p.office();
    }

    // ---- the pathway ----

    @GetMapping(MeRoutes.PATHWAY)
    String pathway(Model model) {
        WorkerPrincipal me = me();
        model.addAttribute("view", pathways.ownOf(me.workerId()).map(this::pathwayView).orElse(null));
        return "me/pathway";
    }

    private MeViews.Pathway pathwayView(OwnPathway p) {
        var office = centres.officeContact(p.officeId()).orElse(null);
        StaffMember tutor = p.tutorUserId() == null ? null : staff.find(p.tutorUserId()).orElse(null);
        return new MeViews.Pathway(office == null ? "" : office.centreName(), office == null ? "" : office.officeName(),
                office == null ? "" : office.address(), office == null ? "" : office.phone(),
                office == null ? "" : office.email(), tutor == null ? null : tutor.fullName(),
                tutor == null ? null : tutor.email(), date(p.startedOn()), date(p.plannedEnd()), date(p.suspendedOn()),
                p.suspendedOn() == null ? null : p.suspensionContract() == null ? blank(p.suspensionEmployer())
                        : messages.t(p.suspensionContract().labelKey()) + (p.suspensionEmployer() == null ? ""
                                : " – " + p.suspensionEmployer()),
                date(p.closedOn()));
    }

    // ---- pact and timesheet ----

    @GetMapping(MeRoutes.PACT)
    String pact(Model model) {
        WorkerPrincipal me = me();
        OwnPathway p = pathways.ownOf(me.workerId()).orElse(null);
        List<OwnPact> pacts = p == null ? List.of() : p.pacts();
        List<Long> ids = new ArrayList<>();
        pacts.forEach(x -> {
            if (x.documentId() != null) {
                ids.add(x.documentId());
            }
            if (x.signedCopyId() != null) {
                ids.add(x.signedCopyId());
            }
        });
        Map<Long, DossierDocument> docs = dossier.find(ids).stream()
                .filter(d -> d.workerId() == me.workerId())
                .collect(Collectors.toMap(DossierDocument::id, Function.identity()));
        model.addAttribute("pacts", pacts.stream().map(x -> new MeViews.Pact(x.versionNo(),
                messages.t(x.status().labelKey()), date(x.signedOn()),
                x.actions().stream().map(MePagesController::action).toList(),
                doc(docs.get(x.documentId())), doc(docs.get(x.signedCopyId())))).toList());
        model.addAttribute("timesheets", dossier.ofWorker(me.workerId()).stream()
                .filter(d -> d.kind() == DocumentKind.TIMESHEET || d.kind() == DocumentKind.TIMESHEET_SIGNED)
                .map(this::doc).toList());
        model.addAttribute("timesheetSignedOn", p == null ? null : date(p.timesheetSignedOn()));
        return "me/pact";
    }

    private static String action(PactAction a) {
        return a.getDescription() + (a.getDueOn() == null ? "" : " (" + Dates.format(a.getDueOn()) + ")");
    }

    // ---- documents ----

    @GetMapping(MeRoutes.DOCUMENTS)
    String documents(Model model) {
        return documentsPage(model, new UploadForm(DocumentKind.CV), FormErrors.NONE);
    }

    @PostMapping(MeRoutes.DOCUMENTS)
    String upload(@Valid @ModelAttribute("form") UploadForm form, BindingResult result,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        WorkerPrincipal me = me();
        if (form.kind() != null && !UPLOADABLE.contains(form.kind())) {
            result.rejectValue("kind", "NotNull");
        }
        if (file == null || file.isEmpty()) {
            result.rejectValue("kind", "me.documents.fileRequired");
        }
        if (!result.hasErrors()) {
            try {
                DossierDocument stored = dossier.storeUpload(me.workerId(), form.kind(), messages.t(form.kind()
                        .labelKey()), Upload.of(file), me.getName());
                audit.record("WORKER_DOCUMENT_UPLOADED", "Document", stored.id(),
                        Detail.of("audit.detail.workerDocument", stored.fileName()).encoded());
                Flash.success(redirect, "me.documents.uploaded");
                return "redirect:" + MeRoutes.DOCUMENTS;
            } catch (RejectedUploadException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return documentsPage(model, form, FormErrors.of(result, messages));
    }

    private String documentsPage(Model model, UploadForm form, FormErrors errors) {
        WorkerPrincipal me = me();
        model.addAttribute("documents", dossier.ofWorker(me.workerId()).stream().map(this::doc).toList());
        model.addAttribute("kinds", UPLOADABLE.stream().map(k -> new MeViews.Kind(k.name(), messages.t(k.labelKey())))
                .toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxMegabytes", dossier.maxUploadBytes() / (1024 * 1024));
        return "me/documents";
    }

    /** A document of the worker's own dossier; another's does not exist (404). */
    @GetMapping(MeRoutes.DOCUMENT)
    ResponseEntity<byte[]> document(@PathVariable long id) {
        WorkerPrincipal me = me();
        DocumentContent content = dossier.content(id).filter(c -> c.document().workerId() == me.workerId())
                .orElseThrow(NotFoundException::new);
        audit.record("WORKER_DOCUMENT_DOWNLOADED", "Document", id,
                Detail.of("audit.detail.workerDocument", content.document().fileName()).encoded());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }

    // ---- messages ----

    @GetMapping(MeRoutes.MESSAGES)
    String messagesPage(Model model) {
        WorkerPrincipal me = me();
        String email = workers.contactPreferences(me.workerId()).map(ContactPreferences::email).orElse("");
        model.addAttribute("messages", mails.sentTo(email, MAX_MESSAGES).stream()
                .map(m -> new MeViews.Message(m.subject(), Dates.format(m.sentAt()))).toList());
        return "me/messages";
    }

    // ---- contact preferences ----

    @GetMapping(MeRoutes.CONTACTS)
    String contacts(Model model) {
        ContactPreferences p = workers.contactPreferences(me().workerId()).orElseThrow(NotFoundException::new);
        return contactsPage(model, new ContactsForm(p.emailAllowed(), p.phone()), FormErrors.NONE);
    }

    @PostMapping(MeRoutes.CONTACTS)
    String saveContacts(@Valid @ModelAttribute("form") ContactsForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            WorkerPrincipal me = me();
            workers.setContactPreferences(me.workerId(), form.emailAllowed(), form.phone(), me.getName());
            Flash.success(redirect, "me.contacts.saved");
            return "redirect:" + MeRoutes.CONTACTS;
        }
        return contactsPage(model, form, FormErrors.of(result, messages));
    }

    private String contactsPage(Model model, ContactsForm form, FormErrors errors) {
        model.addAttribute("email", workers.contactPreferences(me().workerId()).map(ContactPreferences::email)
                .orElse(""));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "me/contacts";
    }

    // ---- helpers ----

    private MeViews.Doc doc(DossierDocument d) {
        return d == null ? null : new MeViews.Doc(MeRoutes.of(MeRoutes.DOCUMENT, d.id()), d.title(),
                messages.t(d.kind().labelKey()), Dates.format(d.createdAt()), d.signed());
    }

    private static String date(LocalDate d) {
        return d == null ? null : Dates.format(d);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
