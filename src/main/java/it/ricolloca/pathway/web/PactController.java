package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.PactStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.pathway.internal.Pacts;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.web.PathwayForms.ActionForm;
import it.ricolloca.pathway.web.PathwayForms.PactForm;
import it.ricolloca.pathway.web.PathwayForms.SignForm;
import it.ricolloca.pathway.web.PathwayForms.VersionForm;
import it.ricolloca.pathway.web.PathwayViews.PactPage;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
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

/** The intensive search pact: the draft's form, its PDF, the signature, the signed copy and the amendment. */
@Controller
class PactController {

    private final Pacts pacts;
    private final PathwayWork work;
    private final PathwayPages pages;
    private final Workers workers;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    PactController(Pacts pacts, PathwayWork work, PathwayPages pages, Workers workers, CurrentUsers currentUsers,
            Messages messages) {
        this.pacts = pacts;
        this.work = work;
        this.pages = pages;
        this.workers = workers;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @AuditedRead(value = "PATHWAY_PACT_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.PACT)
    String initPactForm(@PathVariable long id, Model model) {
        Pathway p = work.worked(currentUsers.require(), id, "pact");
        SearchPact draft = draft(p);
        List<ActionForm> rows = new ArrayList<>();
        if (draft != null) {
            draft.getActions().forEach(a -> rows.add(new ActionForm(a.getKind(), a.getDescription(), a.getDueOn())));
        }
        return pactPage(model, p, new PactForm(rows, draft == null || draft.getNextAppointments() == null ? ""
                : draft.getNextAppointments(), p.getVersion()), FormErrors.NONE);
    }

    @PostMapping(PathwayRoutes.PACT)
    String processPactForm(@PathVariable long id, @Valid @ModelAttribute("form") PactForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.worked(user, id, "pact");
        List<PactAction> actions = actions(form, result);
        if (Refusals.attempt(result, form, () -> {
            String next = form.nextAppointments() == null || form.nextAppointments().isBlank() ? null
                    : form.nextAppointments().strip();
            pacts.saveDraft(user, id, form.version(), actions, next);
        })) {
            return done(redirect, id, "pathway.pact.saved");
        }
        return pactPage(model, p, form, FormErrors.of(result, messages));
    }

    /** The rows typed, blank ones skipped; a row lacking its kind or description is an error on that field. */
    private static List<PactAction> actions(PactForm form, BindingResult result) {
        List<PactAction> actions = new ArrayList<>();
        List<ActionForm> rows = form.rows() == null ? List.of() : form.rows();
        for (int i = 0; i < rows.size(); i++) {
            ActionForm row = rows.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            if (row.kind() == null) {
                Refusals.field(result, "rows[" + i + "].kind", null, "pathway.pact.actionRow", i + 1);
            } else if (row.description() == null || row.description().isBlank()) {
                Refusals.field(result, "rows[" + i + "].description", row.description(), "pathway.pact.actionRow", i + 1);
            } else if (!result.hasFieldErrors("rows[" + i + "].*")) {
                try {
                    actions.add(new PactAction(row.kind(), row.description(), row.due()));
                } catch (PathwayRefusedException e) {
                    Refusals.field(result, "rows[" + i + "].description", row.description(), "pathway.pact.actionRow",
                            i + 1);
                }
            }
        }
        return actions;
    }

    private String pactPage(Model model, Pathway p, PactForm form, FormErrors errors) {
        List<SearchPact> all = work.pacts(p);
        SearchPact draft = draft(p);
        int versionNo = draft != null ? draft.getVersionNo() : all.isEmpty() ? 1 : all.get(0).getVersionNo() + 1;
        model.addAttribute("page", new PactPage(p, workers.find(p.getWorkerId()).orElseThrow(), versionNo,
                List.of(PactActionKind.values()), form, errors));
        return "pathway/pact";
    }

    private SearchPact draft(Pathway p) {
        List<SearchPact> all = work.pacts(p);
        return all.isEmpty() || all.get(0).getStatus() != PactStatus.DRAFT ? null : all.get(0);
    }

    @AuditedRead(value = "PATHWAY_PACT_DOWNLOADED", record = "Pathway")
    @GetMapping(PathwayRoutes.PACT_PDF)
    ResponseEntity<byte[]> pactPdf(@PathVariable long id, @PathVariable int versionNo) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("patto-v" + versionNo + ".pdf").build().toString())
                .body(work.pactPdf(currentUsers.require(), id, versionNo));
    }

    @PostMapping(PathwayRoutes.PACT_SIGN)
    String processSignForm(@PathVariable long id, @Valid @ModelAttribute("form") SignForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        work.worked(user, id, "pact");
        java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
        if (Refusals.attempt(result, form, () -> late.set(pacts.sign(user, id, form.version(), form.signedOn())))) {
            return done(redirect, id, late.get() ? "pathway.pact.signedLate" : "pathway.pact.signed");
        }
        return pages.failed(model, user, id, PathwayViews.SIGN, form, result);
    }

    @PostMapping(PathwayRoutes.PACT_AMEND)
    String amend(@PathVariable long id, @ModelAttribute("form") VersionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        work.worked(user, id, "pact");
        if (Refusals.attempt(result, form, () -> pacts.amend(user, id, form.version()))) {
            return done(redirect, id, "pathway.pact.amended");
        }
        return pages.failed(model, user, id, PathwayViews.AMEND, form, result);
    }

    @PostMapping(PathwayRoutes.PACT_SIGNED_COPY)
    String signedCopy(@PathVariable long id, @ModelAttribute("form") VersionForm form, BindingResult result,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        work.worked(user, id, "pact");
        if (Refusals.attempt(result, form,
                () -> pacts.uploadSignedCopy(user, id, form.version(), PathwayController.upload(file)))) {
            return done(redirect, id, "pathway.pact.copyUploaded");
        }
        return pages.failed(model, user, id, PathwayViews.SIGNED_COPY, form, result);
    }

    private static String done(RedirectAttributes redirect, long id, String notice) {
        redirect.addFlashAttribute("flash", notice);
        return "redirect:" + PathwayTab.PACT.href(id);
    }
}
