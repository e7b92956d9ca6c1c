package it.ricolloca.pathway.web;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.documents.DocumentContent;
import it.ricolloca.documents.Upload;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.internal.WorkerDiary;
import it.ricolloca.pathway.web.MeDiaryViews.DiaryPage;
import it.ricolloca.pathway.web.PathwayForms.WorkerDiaryForm;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MeRoutes;
import it.ricolloca.shared.web.Messages;
import jakarta.validation.Valid;
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
 * The activation diary from the worker's own pages: the lines of parts A and B (theirs and those the tutor
 * transcribed), a form to add one with its proof, and, for their own lines not yet reviewed in a meeting, a
 * form to change one and a button to remove it. Any id not of the worker's diary is not found.
 */
@Controller
class MeDiaryController {

    private final WorkerDiary diary;
    private final Messages messages;

    MeDiaryController(WorkerDiary diary, Messages messages) {
        this.diary = diary;
        this.messages = messages;
    }

    @GetMapping(MeRoutes.DIARY)
    String diary(Model model) {
        return page(model, worker(), null, WorkerDiaryForm.blank(Dates.today()), FormErrors.NONE);
    }

    @PostMapping(MeRoutes.DIARY)
    String add(@Valid @ModelAttribute("form") WorkerDiaryForm form, BindingResult result,
            @RequestParam(name = "proof", required = false) MultipartFile proof, Model model, RedirectAttributes redirect) {
        WorkerPrincipal w = worker();
        if (!result.hasErrors()) {
            try {
                diary.add(w.workerId(), w.getName(), form.action(), form.onDate(), form.how(), form.company(),
                        form.profile(), form.outcome(), Upload.of(proof));
                redirect.addFlashAttribute("flash", "me.diary.added");
                return "redirect:" + MeRoutes.DIARY;
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return page(model, w, null, form, FormErrors.of(result, messages));
    }

    @GetMapping(MeRoutes.DIARY_ENTRY)
    String edit(@PathVariable long id, Model model) {
        WorkerPrincipal w = worker();
        DiaryEntry e = own(w, id);
        return page(model, w, id, WorkerDiaryForm.of(e), FormErrors.NONE);
    }

    @PostMapping(MeRoutes.DIARY_ENTRY)
    String change(@PathVariable long id, @Valid @ModelAttribute("form") WorkerDiaryForm form, BindingResult result,
            @RequestParam(name = "proof", required = false) MultipartFile proof, Model model, RedirectAttributes redirect) {
        WorkerPrincipal w = worker();
        own(w, id);
        if (!result.hasErrors()) {
            try {
                diary.edit(w.workerId(), w.getName(), id, form.action(), form.onDate(), form.how(), form.company(),
                        form.profile(), form.outcome(), Upload.of(proof));
                redirect.addFlashAttribute("flash", "me.diary.changed");
                return "redirect:" + MeRoutes.DIARY;
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return page(model, w, id, form, FormErrors.of(result, messages));
    }

    @PostMapping(MeRoutes.DIARY_DELETE)
    String delete(@PathVariable long id, Model model, RedirectAttributes redirect) {
        WorkerPrincipal w = worker();
        own(w, id);
        try {
            diary.delete(w.workerId(), w.getName(), id);
        } catch (DomainException e) {
            return page(model, w, null, WorkerDiaryForm.blank(Dates.today()),
                    new FormErrors(java.util.Map.of(), java.util.List.of(messages.t(e.messageKey(), e.args()))));
        }
        redirect.addFlashAttribute("flash", "me.diary.removed");
        return "redirect:" + MeRoutes.DIARY;
    }

    @GetMapping(MeRoutes.DIARY_PROOF)
    ResponseEntity<byte[]> proof(@PathVariable long id) {
        DocumentContent c = diary.proof(worker().workerId(), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }

    private String page(Model model, WorkerPrincipal w, Long editing, WorkerDiaryForm form, FormErrors errors) {
        Pathway p = diary.pathwayOf(w.workerId()).orElse(null);
        model.addAttribute("page", p == null ? DiaryPage.none(form)
                : DiaryPage.of(p, !p.isClosed() && p.getStartedOn() != null, editing, form, errors));
        return "me/diary";
    }

    /** The worker's own line, or 404 for a line of another diary. */
    private DiaryEntry own(WorkerPrincipal w, long id) {
        return diary.pathwayOf(w.workerId()).orElseThrow(NotFoundException::new).getDiary().stream()
                .filter(e -> e.getId() == id).findFirst().orElseThrow(NotFoundException::new);
    }

    private static WorkerPrincipal worker() {
        return WorkerPrincipal.current().orElseThrow(NotFoundException::new);
    }
}
