package it.ricolloca.workers.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditRecord;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Flash;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.InformationChannel;
import it.ricolloca.workers.NaspiStatus;
import it.ricolloca.workers.WorkerPageActions;
import it.ricolloca.workers.WorkerRoutes;
import it.ricolloca.workers.internal.EducationEntry;
import it.ricolloca.workers.internal.InvitationHistory;
import it.ricolloca.workers.internal.RegisterExchange;
import it.ricolloca.workers.internal.WorkHistoryEntry;
import it.ricolloca.workers.internal.Worker;
import it.ricolloca.workers.internal.WorkerRegister.WorkerRejectedException;
import it.ricolloca.workers.internal.WorkerInformation;
import it.ricolloca.workers.internal.WorkerInformation.Contents;
import it.ricolloca.workers.internal.WorkerInformation.InformationRefusedException;
import it.ricolloca.workers.internal.WorkerRegister;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register of workers: search, record, edits; every user within their scope. */
@Controller
class WorkerController {

    private final WorkerRegister register;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final AuditTrail audit;
    private final Messages messages;
    private final InvitationHistory invitations;
    private final WorkerInformation information;
    private final List<WorkerPageActions> pageActions;

    WorkerController(WorkerRegister register, CurrentUsers currentUsers, JobCentres centres, AuditTrail audit,
            Messages messages, InvitationHistory invitations, WorkerInformation information,
            List<WorkerPageActions> pageActions) {
        this.pageActions = pageActions;
        this.invitations = invitations;
        this.information = information;
        this.register = register;
        this.currentUsers = currentUsers;
        this.centres = centres;
        this.audit = audit;
        this.messages = messages;
    }

    @AuditedRead(value = "WORKERS_LISTED", record = "Worker", idVariable = "")
    @GetMapping(WorkerRoutes.WORKERS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        String query = q == null ? "" : q.strip();
        int pageNo = PageView.safePage(page);
        // The list counts only up to COUNT_CAP, searched or not: no page past the ones the pager offers.
        pageNo = Math.min(pageNo, (int) (WorkerRegister.COUNT_CAP / PageView.DEFAULT_SIZE) - 1);
        var found = register.search(user, query, pageNo, PageView.DEFAULT_SIZE);
        // The names of the page's CPIs only (at national scale the network has hundreds).
        var names = centres.names(found.getContent().stream().map(Worker::getCompetentCentreId).toList());
        model.addAttribute("workers", PageView.of(found, w -> WorkerRow.of(w, w.getCompetentCentreId() == null ? ""
                : names.getOrDefault(w.getCompetentCentreId(), "")),
                query, WorkerRoutes.WORKERS).cappedAt(WorkerRegister.COUNT_CAP));
        model.addAttribute("canCreate", WorkerRegister.canCreate(user));
        model.addAttribute("canExchange", RegisterExchange.canExchange(user));
        return "workers/list";
    }

    @GetMapping(WorkerRoutes.WORKER_NEW)
    String initCreateForm(Model model) {
        requireCreator();
        return newForm(model, NewWorkerForm.empty(), FormErrors.NONE);
    }

    @PostMapping(WorkerRoutes.WORKERS)
    String processCreateForm(@Valid @ModelAttribute("form") NewWorkerForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = requireCreator();
        if (!result.hasErrors()) {
            try {
                Worker w = register.create(user, form.taxCode(), form.firstName(), form.lastName(),
                        form.competentCentreId());
                redirect.addFlashAttribute("flash", "worker.created");
                return "redirect:" + WorkerRoutes.worker(w.getId());
            } catch (WorkerRejectedException e) {
                result.rejectValue(e.field(), e.messageKey(), e.args(), null);
            }
        }
        return newForm(model, form, FormErrors.of(result, messages));
    }

    @GetMapping(WorkerRoutes.WORKER)
    String show(@PathVariable long id, Model model) {
        Worker worker = register.open(currentUsers.require(), id);
        return detail(model, worker, FormErrors.NONE, FormErrors.NONE, null, null, FormErrors.NONE, null);
    }

    @AuditedRead(value = "WORKER_VIEWED", record = "Worker")
    @GetMapping(WorkerRoutes.WORKER_EDIT)
    String initUpdateForm(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Worker worker = register.get(user, id);
        ActGuard.require(register.mayEdit(user, worker), "register");
        return editForm(model, user, worker, WorkerForm.of(worker), FormErrors.NONE);
    }

    @PostMapping(WorkerRoutes.WORKER_EDIT)
    String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("form") WorkerForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Worker worker = register.get(user, id);
        ActGuard.require(register.mayEdit(user, worker), "register");
        if (!result.hasErrors()) {
            try {
                register.update(user, id, version(form.version()), form.firstName(), form.lastName(),
                        form.residenceMunicipality(), form.email(), form.phone(), form.competentCentreId(),
                        form.naspiStart(), form.naspiExpectedEnd(), form.naspiMonthlyAmount(), form.naspiStatus(),
                        form.profilingIndex(), form.profilingDate(), form.skills(), form.languages(), form.notes());
                redirect.addFlashAttribute("flash", "worker.updated");
                return "redirect:" + WorkerRoutes.worker(id);
            } catch (WorkerRejectedException e) {
                reject(result, e);
            }
        }
        return editForm(model, user, worker, form, FormErrors.of(result, messages));
    }

    @PostMapping(WorkerRoutes.WORK_ADD)
    String addWork(@PathVariable long id, @Valid @ModelAttribute("work") WorkForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Worker worker = register.get(user, id);
        ActGuard.require(register.mayEdit(user, worker), "register");
        if (!result.hasErrors()) {
            try {
                register.addWork(user, id, version(form.version()), new WorkHistoryEntry(form.employer().strip(),
                        blank(form.employerVat()), blank(form.professionCode()), blank(form.professionLabel()),
                        blank(form.classification()), blank(form.contractType()), form.startDate(), form.endDate()));
                redirect.addFlashAttribute("flash", "worker.work.added");
                return "redirect:" + WorkerRoutes.worker(id);
            } catch (WorkerRejectedException e) {
                reject(result, e);
            }
        }
        return detail(model, worker, FormErrors.of(result, messages), FormErrors.NONE, form, null, FormErrors.NONE, null);
    }

    @PostMapping(WorkerRoutes.WORK_REMOVE)
    String removeWork(@PathVariable long id, @PathVariable int index, @RequestParam(defaultValue = "-1") long version,
            RedirectAttributes redirect) {
        return act(id, redirect, "worker.work.removed", user -> register.removeWork(user, id, version, index));
    }

    @PostMapping(WorkerRoutes.EDUCATION_ADD)
    String addEducation(@PathVariable long id, @Valid @ModelAttribute("education") EducationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Worker worker = register.get(user, id);
        ActGuard.require(register.mayEdit(user, worker), "register");
        if (!result.hasErrors()) {
            try {
                register.addEducation(user, id, version(form.version()), new EducationEntry(form.title().strip(),
                        blank(form.institution()), form.year()));
                redirect.addFlashAttribute("flash", "worker.education.added");
                return "redirect:" + WorkerRoutes.worker(id);
            } catch (WorkerRejectedException e) {
                reject(result, e);
            }
        }
        return detail(model, worker, FormErrors.NONE, FormErrors.of(result, messages), null, form, FormErrors.NONE, null);
    }

    @PostMapping(WorkerRoutes.EDUCATION_REMOVE)
    String removeEducation(@PathVariable long id, @PathVariable int index,
            @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        return act(id, redirect, "worker.education.removed", user -> register.removeEducation(user, id, version, index));
    }

    private String act(long id, RedirectAttributes redirect, String doneKey,
            Consumer<CurrentUser> action) {
        CurrentUser user = currentUsers.require();
        ActGuard.require(register.mayEdit(user, register.get(user, id)), "register");
        try {
            action.accept(user);
            redirect.addFlashAttribute("flash", doneKey);
        } catch (WorkerRejectedException e) {
            Flash.error(redirect, e.messageKey());
        }
        return "redirect:" + WorkerRoutes.worker(id);
    }

    @PostMapping(WorkerRoutes.INFORMATION_ADD)
    String addInformation(@PathVariable long id, @Valid @ModelAttribute("information") InformationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Worker worker = register.get(user, id);
        register.requireEditor(user, worker);
        if (!result.hasErrors()) {
            try {
                information.record(user, id, form.informedOn(), form.channel(), Contents.told(form.aboutService(),
                        form.aboutVoluntary(), form.aboutConditionality(), form.aboutSuitableOffer()));
                redirect.addFlashAttribute("flash", "worker.information.recorded");
                return "redirect:" + WorkerRoutes.worker(id);
            } catch (InformationRefusedException e) {
                result.rejectValue(e.field(), e.messageKey(), e.args(), null);
            }
        }
        return detail(model, worker, FormErrors.NONE, FormErrors.NONE, null, null, FormErrors.of(result, messages), form);
    }

    private String detail(Model model, Worker worker, FormErrors workErrors, FormErrors educationErrors, WorkForm work,
            EducationForm education, FormErrors informationErrors, InformationForm informationForm) {
        CurrentUser user = currentUsers.require();
        List<AuditRecord> history = audit.history("Worker", worker.getId(), 200).stream()
                .filter(r -> !r.action().equals("WORKER_VIEWED")).toList();
        model.addAttribute("worker", WorkerDetail.of(worker));
        model.addAttribute("centre", centreName(worker.getCompetentCentreId()));
        model.addAttribute("canEdit", register.mayEdit(user, worker));
        model.addAttribute("timeline", history);
        model.addAttribute("invitations", invitations.invitationsOf(worker.getId()).stream().map(Dates::format).toList());
        model.addAttribute("workErrors", workErrors);
        model.addAttribute("educationErrors", educationErrors);
        model.addAttribute("work", work);
        model.addAttribute("education", education);
        model.addAttribute("informationEntries", information.of(worker.getId()));
        model.addAttribute("informationErrors", informationErrors);
        model.addAttribute("informationForm", informationForm);
        model.addAttribute("channels", Arrays.asList(InformationChannel.values()));
        model.addAttribute("actions", pageActions.stream().flatMap(a -> a.actionsFor(user, worker.summary()).stream())
                .toList());
        return "workers/detail";
    }

    private String editForm(Model model, CurrentUser user, Worker worker, WorkerForm form, FormErrors errors) {
        model.addAttribute("worker", WorkerDetail.of(worker));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regional", user.isRegional());
        model.addAttribute("centres", user.isRegional() ? centres.all() : List.<CentreSummary>of());
        // LAPSED comes only from a decadenza decided by the competent CPI, never from this form
        model.addAttribute("statuses", Arrays.stream(NaspiStatus.values())
                .filter(s -> s != NaspiStatus.LAPSED || worker.getNaspiLapsedOn() != null).toList());
        return "workers/form";
    }

    private String newForm(Model model, NewWorkerForm form, FormErrors errors) {
        CurrentUser user = currentUsers.require();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regional", user.isRegional());
        model.addAttribute("centres", user.isRegional() ? centres.all() : List.<CentreSummary>of());
        return "workers/new";
    }

    private CurrentUser requireCreator() {
        CurrentUser user = currentUsers.require();
        ActGuard.require(WorkerRegister.canCreate(user), "register");
        return user;
    }

    private static void reject(BindingResult result, WorkerRejectedException e) {
        if (e.field() == null) {
            result.reject(e.messageKey(), e.args(), null);
        } else {
            result.rejectValue(e.field(), e.messageKey(), e.args(), null);
        }
    }

    private static long version(Long version) {
        return version == null ? -1 : version;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String centreName(Long id) {
        return id == null ? "" : centres.find(id).map(CentreSummary::name).orElse("");
    }

}
