package it.ricolloca.requests.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.documents.DocumentContent;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.RejectedUploadException;
import it.ricolloca.documents.Upload;
import it.ricolloca.network.JobCentres;
import it.ricolloca.requests.RequestRefusedException.DateOrderException;
import it.ricolloca.requests.RequestRefusedException.FilingRefusedException;
import it.ricolloca.requests.RequestRefusedException;
import it.ricolloca.requests.RequestRoutes;
import it.ricolloca.requests.VoucherRequest;
import it.ricolloca.requests.internal.RequestQueries;
import it.ricolloca.requests.internal.RequestRights;
import it.ricolloca.requests.internal.RequestWorkflow;
import it.ricolloca.requests.web.RequestForms.ActivePolicyContactForm;
import it.ricolloca.requests.web.RequestForms.ChecksForm;
import it.ricolloca.requests.web.RequestForms.DecisionForm;
import it.ricolloca.requests.web.RequestForms.FilingForm;
import it.ricolloca.requests.web.RequestForms.NoticeDateForm;
import it.ricolloca.requests.web.RequestForms.NoticeReceiptForm;
import it.ricolloca.requests.web.RequestForms.ObservationForm;
import it.ricolloca.requests.web.RequestForms.ProviderForm;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.Paths;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
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
 * The competent CPI's work on requests: filing an intermediated request, recording checks, the
 * contact about another policy, the notice of rejection and the observations, the decisions, the
 * provider change (the same acts through the API: {@link RequestApiController}). Each form page is refused (403) to
 * whoever may not act and answers 404 outside the user's CPI.
 */
@Controller
class RequestWorkController {

    private static final int MAX_ATTACHMENTS = 10;

    private final RequestQueries queries;
    private final RequestWorkflow workflow;
    private final RequestRights rights;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final Dossier documents;
    private final Messages messages;
    private final RefusalText refusals;
    private final Workers workers;

    RequestWorkController(RequestQueries queries, RequestWorkflow workflow, RequestRights rights,
            CurrentUsers currentUsers, JobCentres centres, Dossier documents, Messages messages, RefusalText refusals,
            Workers workers) {
        this.workers = workers;
        this.queries = queries;
        this.workflow = workflow;
        this.rights = rights;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.documents = documents;
        this.messages = messages;
        this.refusals = refusals;
    }

    // ---- intermediated request ----

    /** The filing form; from the worker's page ({@code worker}), with the worker's codice fiscale filled in. */
    @GetMapping(RequestRoutes.REQUEST_NEW)
    String initFilingForm(@RequestParam(name = "worker", required = false) Long worker, Model model) {
        CurrentUser user = requireFiling();
        String taxCode = worker == null ? "" : workers.find(worker)
                .filter(w -> w.competentCentreId() == null || w.competentCentreId().equals(user.centreId()))
                .map(WorkerSummary::taxCode).orElse("");
        return filingForm(model, FilingForm.of(taxCode), FormErrors.NONE);
    }

    @PostMapping(RequestRoutes.REQUESTS)
    String processFilingForm(@Valid @ModelAttribute("form") FilingForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = requireFiling();
        if (!result.hasErrors()) {
            try {
                long id = workflow.fileIntermediated(user, form.taxCode(), form.choice());
                redirect.addFlashAttribute("flash", "request.filed");
                // The next step is the checks: the filer who may record them goes to the decision page.
                boolean instructs = rights.canInstruct(user, queries.load(user, id).getCompetentCentreId());
                return "redirect:" + (instructs ? Paths.of(RequestRoutes.REQUEST_CHECKS, id) : RequestRoutes.request(id));
            } catch (CodiceFiscale.InvalidException | FilingRefusedException e) {
                result.rejectValue("taxCode", e.messageKey(), refusals.args(e), null);
            } catch (RequestRefusedException e) {
                result.rejectValue("providerType", e.messageKey(), refusals.args(e), null);
            }
        }
        return filingForm(model, form, FormErrors.of(result, messages));
    }

    private String filingForm(Model model, FilingForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("offices", centres.offices());
        return "requests/file";
    }

    // ---- the decision in one page: the three checks in one form, then the act their outcome calls for ----

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.REQUEST_CHECKS)
    String initChecksForm(@PathVariable long id, Model model) {
        VoucherRequest request = instructable(id);
        return checksForm(model, request, ChecksForm.empty(Dates.today(), request.getVersion()), FormErrors.NONE);
    }

    @PostMapping(RequestRoutes.REQUEST_CHECKS)
    String processChecksForm(@PathVariable long id, @Valid @ModelAttribute("form") ChecksForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        VoucherRequest request = instructable(id);
        if (form.unemployedSince() != null && form.unemployedSince().isAfter(Dates.today())) {
            result.rejectValue("unemployedSince", "request.refused.futureDate");
        }
        if (!result.hasErrors() && form.entries().isEmpty()) {
            result.rejectValue("employment", "request.checks.none");
        }
        if (!result.hasErrors() && acted(result, "checkedOn",
                () -> workflow.recordChecks(currentUsers.require(), id, version(form.version()), form.entries(),
                        form.checkedOn(), form.unemployedSince()))) {
            redirect.addFlashAttribute("flash", "request.checks.recorded");
            return "redirect:" + Paths.of(RequestRoutes.REQUEST_CHECKS, id);
        }
        return checksForm(model, request, form, FormErrors.of(result, messages));
    }

    private String checksForm(Model model, VoucherRequest request, ChecksForm form, FormErrors errors) {
        // The months of unemployment on the request date, from the date given or the register's NASpI start.
        model.addAttribute("naspi", workflow.naspiMonths(request, form.unemployedSince()));
        model.addAttribute("page", decisionPage(request));
        return page(model, request, form, errors, "requests/check");
    }

    /** What the decision page shows of the request and offers to the user (not its history). */
    private RequestPage decisionPage(VoucherRequest request) {
        CurrentUser user = currentUsers.require();
        return new RequestPage(queries.get(user, request.getId()), request, List.of(), List.of(), java.util.Map.of(),
                List.of(), rights.canInstruct(user, request.getCompetentCentreId()),
                rights.canDecide(user, request.getCompetentCentreId()), 0, Dates.today());
    }

    // ---- contact about another active policy ----

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.REQUEST_ACTIVE_POLICY_CONTACT)
    String initPolicyContactForm(@PathVariable long id, Model model) {
        VoucherRequest request = instructable(id);
        return page(model, request, new ActivePolicyContactForm(Dates.today(), null, "", request.getVersion()), FormErrors.NONE,
                "requests/active-policy-contact");
    }

    @PostMapping(RequestRoutes.REQUEST_ACTIVE_POLICY_CONTACT)
    String processPolicyContactForm(@PathVariable long id, @Valid @ModelAttribute("form") ActivePolicyContactForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        VoucherRequest request = instructable(id);
        if (!result.hasErrors() && acted(result, "contactedOn",
                () -> workflow.recordActivePolicyContact(currentUsers.require(), id, version(form.version()),
                        form.contactedOn(), form.choice(), form.note()))) {
            return done(redirect, id, "request.policyContact.recorded");
        }
        return page(model, request, form, FormErrors.of(result, messages), "requests/active-policy-contact");
    }

    // ---- observations ----

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.REQUEST_OBSERVATIONS)
    String initObservationForm(@PathVariable long id, Model model) {
        VoucherRequest request = instructable(id);
        return observationForm(model, request, new ObservationForm(Dates.today(), "", request.getVersion()),
                FormErrors.NONE);
    }

    @PostMapping(RequestRoutes.REQUEST_OBSERVATIONS)
    String processObservationForm(@PathVariable long id, @Valid @ModelAttribute("form") ObservationForm form,
            BindingResult result, @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        VoucherRequest request = instructable(id);
        List<Upload> uploads = uploads(files);
        if (uploads.size() > MAX_ATTACHMENTS) {
            result.rejectValue("text", "request.observation.tooManyFiles", new Object[] {MAX_ATTACHMENTS}, null);
        }
        if (!result.hasErrors()) {
            try {
                workflow.recordObservation(currentUsers.require(), id, version(form.version()), form.receivedOn(),
                        form.text().strip(), uploads);
                return done(redirect, id, "request.observation.recorded");
            } catch (RejectedUploadException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (DateOrderException e) {
                result.rejectValue("receivedOn", e.messageKey(), refusals.args(e), null);
            } catch (RequestRefusedException e) {
                result.reject(e.messageKey(), refusals.args(e), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("request.refused.stale");
            }
        }
        return observationForm(model, request, form, FormErrors.of(result, messages));
    }

    private String observationForm(Model model, VoucherRequest request, ObservationForm form, FormErrors errors) {
        model.addAttribute("maxMegabytes", documents.maxUploadBytes() / (1024 * 1024));
        return page(model, request, form, errors, "requests/observation");
    }

    // ---- date of a notice the list brought, receipt of the notice ----

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.REQUEST_NOTICE_DATE)
    String initNoticeDateForm(@PathVariable long id, Model model) {
        VoucherRequest request = instructable(id);
        return page(model, request, new NoticeDateForm(request.getRejectionNoticeDate(), request.getVersion()),
                FormErrors.NONE, "requests/notice-date");
    }

    @PostMapping(RequestRoutes.REQUEST_NOTICE_DATE)
    String processNoticeDateForm(@PathVariable long id, @Valid @ModelAttribute("form") NoticeDateForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        VoucherRequest request = instructable(id);
        if (!result.hasErrors() && acted(result, "noticeOn",
                () -> workflow.recordNoticeDate(currentUsers.require(), id, version(form.version()),
                        form.noticeOn()))) {
            return done(redirect, id, "request.noticeDate.recorded");
        }
        return page(model, request, form, FormErrors.of(result, messages), "requests/notice-date");
    }

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.REQUEST_NOTICE_RECEIPT)
    String initNoticeReceiptForm(@PathVariable long id, Model model) {
        VoucherRequest request = instructable(id);
        LocalDate shown = request.getRejectionNoticeReceivedOn() != null ? request.getRejectionNoticeReceivedOn() : Dates.today();
        return page(model, request, new NoticeReceiptForm(shown, request.getVersion()), FormErrors.NONE,
                "requests/notice-receipt");
    }

    @PostMapping(RequestRoutes.REQUEST_NOTICE_RECEIPT)
    String processNoticeReceiptForm(@PathVariable long id, @Valid @ModelAttribute("form") NoticeReceiptForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        VoucherRequest request = instructable(id);
        if (!result.hasErrors() && acted(result, "receivedOn",
                () -> workflow.recordNoticeReceipt(currentUsers.require(), id, version(form.version()),
                        form.receivedOn()))) {
            return done(redirect, id, "request.noticeReceipt.recorded");
        }
        return page(model, request, form, FormErrors.of(result, messages), "requests/notice-receipt");
    }

    // ---- provider change ----

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.REQUEST_PROVIDER)
    String initProviderForm(@PathVariable long id, Model model) {
        VoucherRequest request = instructable(id);
        var p = request.getProvider();
        return providerForm(model, request, new ProviderForm(p == null ? "CPI" : p.type(), p == null ? null : p.officeId(),
                p == null || p.officeId() != null ? "" : p.name(), request.getVersion()), FormErrors.NONE);
    }

    @PostMapping(RequestRoutes.REQUEST_PROVIDER)
    String processProviderForm(@PathVariable long id, @Valid @ModelAttribute("form") ProviderForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        VoucherRequest request = instructable(id);
        if (!result.hasErrors()) {
            try {
                workflow.changeProvider(currentUsers.require(), id, version(form.version()), form.choice());
                return done(redirect, id, "request.provider.changed");
            } catch (RequestRefusedException e) {
                result.reject(e.messageKey(), refusals.args(e), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("request.refused.stale");
            }
        }
        return providerForm(model, request, form, FormErrors.of(result, messages));
    }

    private String providerForm(Model model, VoucherRequest request, ProviderForm form, FormErrors errors) {
        model.addAttribute("offices", centres.offices());
        return page(model, request, form, errors, "requests/provider");
    }

    // ---- notice, release, rejection, block, re-enabling, withdrawal ----

    @AuditedRead(value = "REQUEST_VIEWED", record = "VoucherRequest")
    @GetMapping(RequestRoutes.REQUEST_ACT)
    String initDecisionForm(@PathVariable long id, @PathVariable String act, Model model) {
        DecisionAct decision = act(act);
        VoucherRequest request = permitted(id, decision);
        return decisionForm(model, request, decision, new DecisionForm("", "", false, Dates.today(), request.getVersion()),
                FormErrors.NONE);
    }

    @PostMapping(RequestRoutes.REQUEST_ACT)
    String processDecisionForm(@PathVariable long id, @PathVariable String act,
            @Valid @ModelAttribute("form") DecisionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        DecisionAct decision = act(act);
        VoucherRequest request = permitted(id, decision);
        String reasons = form.reasons() == null ? "" : form.reasons().strip();
        if (decision.reasonsRequired() && reasons.isEmpty()) {
            result.rejectValue("reasons", "request.reasons.required");
        }
        if (decision.asksCheckbox() && !Boolean.TRUE.equals(form.confirmed())) {
            result.rejectValue("confirmed", "request.confirm.required");
        }
        if (!result.hasErrors() && acted(result, decision == DecisionAct.REJECTION_NOTICE ? "noticeOn" : "reasons",
                () -> apply(currentUsers.require(), id, version(form.version()), decision, reasons, form.answer(),
                        form.noticeOn() == null ? Dates.today() : form.noticeOn()))) {
            return done(redirect, id, "request.act.done." + decision.name());
        }
        return decisionForm(model, request, decision, form, FormErrors.of(result, messages));
    }

    private void apply(CurrentUser user, long id, long version, DecisionAct act, String reasons, String answer,
            LocalDate noticeOn) {
        switch (act) {
            case REJECTION_NOTICE -> workflow.sendRejectionNotice(user, id, version, noticeOn, reasons);
            case RELEASE -> workflow.release(user, id, version, reasons);
            case REJECT -> workflow.reject(user, id, version, reasons, answer);
            case BLOCK -> workflow.block(user, id, version, reasons);
            case REENABLE -> workflow.reenable(user, id, version, reasons);
            case WITHDRAW -> workflow.withdraw(user, id, version, reasons);
        }
    }

    private String decisionForm(Model model, VoucherRequest request, DecisionAct act, DecisionForm form,
            FormErrors errors) {
        model.addAttribute("act", act);
        model.addAttribute("page", decisionPage(request));
        return page(model, request, form, errors, "requests/decision");
    }

    // ---- documents of the request ----

    @AuditedRead(value = "DOCUMENT_DOWNLOADED", record = "Document", idVariable = "documentId")
    @GetMapping(RequestRoutes.REQUEST_DOCUMENT)
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        VoucherRequest request = queries.load(currentUsers.require(), id);
        boolean belongs = Objects.equals(request.getRejectionNoticeLetterId(), documentId)
                || Objects.equals(request.getRejectionDecisionLetterId(), documentId) || request.getObservations().stream()
                .anyMatch(o -> o.getDocumentIds().contains(documentId));
        DocumentContent content = belongs ? documents.content(documentId).orElseThrow(NotFoundException::new) : null;
        if (content == null) {
            throw new NotFoundException();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    // ---- helpers ----

    private CurrentUser requireFiling() {
        CurrentUser user = currentUsers.require();
        ActGuard.require(rights.canFile(user), "intermediated request");
        return user;
    }

    private VoucherRequest instructable(long id) {
        CurrentUser user = currentUsers.require();
        VoucherRequest request = queries.load(user, id);
        ActGuard.require(rights.canInstruct(user, request.getCompetentCentreId()), "instruct");
        return request;
    }

    private VoucherRequest permitted(long id, DecisionAct act) {
        CurrentUser user = currentUsers.require();
        VoucherRequest request = queries.load(user, id);
        boolean allowed = act.decision() ? rights.canDecide(user, request.getCompetentCentreId())
                : rights.canInstruct(user, request.getCompetentCentreId());
        ActGuard.require(allowed, act.name());
        return request;
    }

    private static DecisionAct act(String path) {
        DecisionAct act = DecisionAct.fromPath(path);
        if (act == null) {
            throw new NotFoundException();
        }
        return act;
    }

    private String page(Model model, VoucherRequest request, Object form, FormErrors errors, String template) {
        model.addAttribute("observationCount", request.getObservations().size());
        model.addAttribute("observationDeadline", request.getObservationDeadline());
        model.addAttribute("view", queries.get(currentUsers.require(), request.getId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return template;
    }

    /**
     * Runs an act of the workflow: a date out of order goes on {@code dateField}, another refusal or a stale
     * version on the form (the page is drawn again with the input kept). True when the act was done.
     */
    private boolean acted(BindingResult result, String dateField, Runnable act) {
        try {
            act.run();
            return true;
        } catch (DateOrderException e) {
            result.rejectValue(dateField, e.messageKey(), refusals.args(e), null);
        } catch (RequestRefusedException e) {
            result.reject(e.messageKey(), refusals.args(e), null);
        } catch (OptimisticLockingFailureException e) {
            result.reject("request.refused.stale");
        }
        return false;
    }

    private static String done(RedirectAttributes redirect, long id, String flash) {
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + RequestRoutes.request(id);
    }

    private static long version(Long version) {
        return version == null ? -1 : version;
    }

    private static List<Upload> uploads(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream().map(Upload::of).filter(Objects::nonNull).toList();
    }
}
