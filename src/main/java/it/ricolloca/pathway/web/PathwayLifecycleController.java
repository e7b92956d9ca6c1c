package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.web.PathwayForms.BreachForm;
import it.ricolloca.pathway.web.PathwayForms.CloseForm;
import it.ricolloca.pathway.web.PathwayForms.ExtendForm;
import it.ricolloca.pathway.web.PathwayForms.ResumeForm;
import it.ricolloca.pathway.web.PathwayForms.SuspendForm;
import it.ricolloca.pathway.web.PathwayForms.TutorForm;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The life of a pathway, from its page: the tutor, the extension, suspension and resumption, a
 * breach reported to the competent CPI, and the closing outcome.
 */
@Controller
class PathwayLifecycleController {

    /** One act on the pathway with the form's values. */
    private interface Act {
        void run(CurrentUser user);
    }

    private final PathwayLifecycle lifecycle;
    private final PathwayWork work;
    private final PathwayPages pages;
    private final CurrentUsers currentUsers;

    PathwayLifecycleController(PathwayLifecycle lifecycle, PathwayWork work, PathwayPages pages,
            CurrentUsers currentUsers) {
        this.lifecycle = lifecycle;
        this.work = work;
        this.pages = pages;
        this.currentUsers = currentUsers;
    }

    @PostMapping(PathwayRoutes.TUTOR)
    String processTutorForm(@PathVariable long id, @Valid @ModelAttribute("form") TutorForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        work.assigningTutor(user, id);
        return act(user, id, PathwayViews.TUTOR, form, result, model, redirect, "pathway.tutor.assigned",
                u -> lifecycle.assignTutor(u, id, form.version(), form.tutorId(), form.reason(), form.experience()));
    }

    @PostMapping(PathwayRoutes.EXTEND)
    String processExtendForm(@PathVariable long id, @Valid @ModelAttribute("form") ExtendForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return act(worker(id), id, PathwayViews.EXTEND, form, result, model, redirect, "pathway.extended",
                u -> lifecycle.extend(u, id, form.version(), form.reason()));
    }

    @PostMapping(PathwayRoutes.SUSPEND)
    String processSuspendForm(@PathVariable long id, @Valid @ModelAttribute("form") SuspendForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return act(worker(id), id, PathwayViews.SUSPEND, form, result, model, redirect, "pathway.suspended",
                u -> lifecycle.suspend(u, id, form.version(), form.onDate(), form.contract(), form.employer(), form.note()));
    }

    @PostMapping(PathwayRoutes.RESUME)
    String processResumeForm(@PathVariable long id, @Valid @ModelAttribute("form") ResumeForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return act(worker(id), id, PathwayViews.RESUME, form, result, model, redirect, "pathway.resumed",
                u -> lifecycle.resume(u, id, form.version(), form.onDate()));
    }

    /** The provider reports a breach of the worker's duties to the competent CPI. */
    @PostMapping(PathwayRoutes.BREACH)
    String processBreachForm(@PathVariable long id, @Valid @ModelAttribute("form") BreachForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return act(worker(id), id, PathwayViews.BREACH, form, result, model, redirect, "pathway.breach.reported",
                u -> lifecycle.reportBreach(u, id, form.kind(), form.occurredOn(), form.evidence()));
    }

    @PostMapping(PathwayRoutes.CLOSE)
    String processCloseForm(@PathVariable long id, @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return act(worker(id), id, PathwayViews.CLOSE, form, result, model, redirect, "pathway.closedDone",
                u -> lifecycle.close(u, id, form.version(), form.outcome(), form.onDate(), form.note(), hire(form)));
    }

    /** The hiring, for the outcome hired (its own refusals name what is missing). */
    private static Pathway.Hire hire(CloseForm form) {
        return form.outcome() != PathwayOutcome.HIRED ? null : new Pathway.Hire(form.employer(), form.employerVat(),
                form.contract(), form.weeklyHours(), form.hireStart(), form.durationMonths());
    }

    private CurrentUser worker(long id) {
        CurrentUser user = currentUsers.require();
        work.worked(user, id, "pathway");
        return user;
    }

    private String act(CurrentUser user, long id, String name, Object form, BindingResult result, Model model,
            RedirectAttributes redirect, String notice, Act act) {
        if (Refusals.attempt(result, form, () -> act.run(user))) {
            redirect.addFlashAttribute("flash", notice);
            return "redirect:" + PathwayViews.tabOf(name).href(id);
        }
        return pages.failed(model, user, id, name, form, result);
    }
}
