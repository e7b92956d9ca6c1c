package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayAct;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.PathwayQueries;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.web.PathwayForms.DiaryForm;
import it.ricolloca.pathway.web.PathwayForms.MeetingForm;
import it.ricolloca.pathway.web.PathwayForms.ReviewForm;
import it.ricolloca.pathway.web.PathwayViews.DiaryPage;
import it.ricolloca.pathway.web.PathwayViews.MeetingsPage;
import it.ricolloca.pathway.web.PathwayViews.Typed;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.Workers;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The six months of meetings: the tutor's worklist against the meeting rule, the meeting register
 * and the worker's activation diary, each entry reviewed in a meeting.
 */
@Controller
class MeetingController {

    private final Meetings meetings;
    private final PathwayWork work;
    private final PathwayQueries queries;
    private final CurrentUsers currentUsers;
    private final Parameters parameters;
    private final Workers workers;
    private final Messages messages;

    MeetingController(Meetings meetings, PathwayWork work, PathwayQueries queries, CurrentUsers currentUsers,
            Parameters parameters, Workers workers, Messages messages) {
        this.meetings = meetings;
        this.work = work;
        this.queries = queries;
        this.currentUsers = currentUsers;
        this.parameters = parameters;
        this.workers = workers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry worklistMenuEntry() {
        return new MenuEntry(MenuArea.PATHWAYS, 10, "nav.worklist", PathwayRoutes.WORKLIST, Set.of("CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR"));
    }

    @AuditedRead(value = "PATHWAYS_WORKLIST_VIEWED", record = "Pathway", idVariable = "")
    @GetMapping(PathwayRoutes.WORKLIST)
    String worklist(@RequestParam(required = false) Boolean mine, @RequestParam(required = false) Integer page,
            Model model) {
        CurrentUser user = currentUsers.require();
        boolean onlyMine = mine == null ? user.hasRole(Role.CPI_TUTOR) : mine;
        LocalDate today = Dates.today();
        int every = parameters.integer(Parameter.MEETING_EVERY_DAYS, today);
        model.addAttribute("rows", PageView.of(queries.worklist(user, onlyMine, every,
                parameters.integersOn(Parameter.SERVICE_MONTHS), PageView.safePage(page), 50), r -> r, "",
                PathwayRoutes.WORKLIST + "?mine=" + onlyMine));
        model.addAttribute("mine", onlyMine);
        model.addAttribute("every", every);
        return "pathway/worklist";
    }

    // ---- meetings ----

    @AuditedRead(value = "PATHWAY_MEETINGS_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.MEETINGS)
    String meetings(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.get(user, id);
        return meetingsPage(model, user, p, MeetingsPage.blank(p, Dates.today()), FormErrors.NONE, Typed.NONE);
    }

    @PostMapping(PathwayRoutes.MEETINGS)
    String processMeetingForm(@PathVariable long id, @Valid @ModelAttribute("form") MeetingForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.worked(user, id, "meeting");
        if (Refusals.attempt(result, form, () -> {
            meetings.recordMeeting(user, id, form.version(), form.onDate(), form.start(), form.end(), form.status(),
                    form.topics(), form.actions(), form.next());
        })) {
            redirect.addFlashAttribute("flash", "pathway.meeting.recorded");
            return "redirect:" + PathwayRoutes.meetings(id);
        }
        return meetingsPage(model, user, p, form, FormErrors.of(result, messages), Typed.of(result));
    }

    private String meetingsPage(Model model, CurrentUser user, Pathway p, MeetingForm form, FormErrors errors,
            Typed typed) {
        LocalDate today = Dates.today();
        model.addAttribute("page", new MeetingsPage(p, workers.find(p.getWorkerId()).orElseThrow(),
                work.canWork(user, p) && p.refusal(PathwayAct.RECORD_MEETING, List.of()).isEmpty(),
                parameters.integer(Parameter.MEETING_MIN_MINUTES, today),
                parameters.integer(Parameter.MEETING_MAX_MINUTES, today), form, errors, typed));
        return "pathway/meetings";
    }

    // ---- diary ----

    @AuditedRead(value = "PATHWAY_DIARY_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.DIARY)
    String diary(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.get(user, id);
        return diaryPage(model, user, p, DiaryPage.blank(p, Dates.today()), FormErrors.NONE);
    }

    @PostMapping(PathwayRoutes.DIARY)
    String processDiaryForm(@PathVariable long id, @Valid @ModelAttribute("form") DiaryForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.worked(user, id, "diary");
        if (Refusals.attempt(result, form, () -> {
            meetings.addDiaryEntry(user, id, form.version(), form.action(), form.onDate(), form.how(), form.company(),
                    form.profile(), form.outcome(), form.source());
        })) {
            redirect.addFlashAttribute("flash", "pathway.diary.added");
            return "redirect:" + PathwayRoutes.diary(id);
        }
        return diaryPage(model, user, p, form, FormErrors.of(result, messages));
    }

    @PostMapping(PathwayRoutes.DIARY_REVIEW)
    String processReviewForm(@PathVariable long id, @PathVariable long entryId,
            @Valid @ModelAttribute("form") ReviewForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.worked(user, id, "diary");
        if (Refusals.attempt(result, form, () -> {
            meetings.reviewDiaryEntry(user, id, form.version(), entryId, form.meetingId());
        })) {
            redirect.addFlashAttribute("flash", "pathway.diary.reviewedDone");
            return "redirect:" + PathwayRoutes.diary(id);
        }
        FormErrors errors = FormErrors.of(result, messages);
        // the review's errors are shown for the whole page: its one field is a choice among the meetings held
        return diaryPage(model, user, p, DiaryPage.blank(p, Dates.today()),
                new FormErrors(Map.of(), Stream.concat(errors.fields().values().stream(),
                        errors.global().stream()).toList()));
    }

    private String diaryPage(Model model, CurrentUser user, Pathway p, DiaryForm form, FormErrors errors) {
        model.addAttribute("page", new DiaryPage(p, workers.find(p.getWorkerId()).orElseThrow(),
                work.canWork(user, p) && p.refusal(PathwayAct.ADD_DIARY_ENTRY, List.of()).isEmpty(), form, errors));
        return "pathway/diary";
    }

    @AuditedRead(value = "PATHWAY_DIARY_DOWNLOADED", record = "Pathway")
    @GetMapping(PathwayRoutes.DIARY_PDF)
    ResponseEntity<byte[]> diaryPdf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("diario-di-attivazione.pdf").build().toString())
                .body(work.diaryPdf(currentUsers.require(), id));
    }
}
