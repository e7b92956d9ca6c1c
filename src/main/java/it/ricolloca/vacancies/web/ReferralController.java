package it.ricolloca.vacancies.web;

import it.ricolloca.audit.AuditedRead;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.PathwaySummary;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.shared.web.Paths;
import it.ricolloca.vacancies.Referral;
import it.ricolloca.vacancies.ReferralStatus;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyRoutes;
import it.ricolloca.workers.WorkerRoutes;
import it.ricolloca.vacancies.internal.Matching;
import it.ricolloca.vacancies.internal.Referrals;
import it.ricolloca.vacancies.internal.VacancyBoard;
import it.ricolloca.vacancies.internal.VacancyRights;
import it.ricolloca.vacancies.web.VacancyForms.HireForm;
import it.ricolloca.vacancies.web.VacancyForms.Input;
import it.ricolloca.vacancies.web.VacancyForms.OpenForm;
import it.ricolloca.vacancies.web.VacancyForms.OutcomeForm;
import it.ricolloca.vacancies.web.VacancyForms.ProposalForm;
import it.ricolloca.vacancies.web.VacancyViews.ReferralView;
import it.ricolloca.vacancies.web.VacancyViews.VacancyView;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Referrals (proposal, evaluation, the hire that closes the pathway) and the matching both ways. */
@Controller
class ReferralController {

    private final Referrals referrals;
    private final VacancyBoard board;
    private final VacancyRights rights;
    private final VacancyPage vacancyPage;
    private final Matching matching;
    private final Pathways pathways;
    private final Workers workers;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    ReferralController(Referrals referrals, VacancyBoard board, VacancyRights rights, VacancyPage vacancyPage,
            Matching matching, Pathways pathways, Workers workers, CurrentUsers currentUsers, Messages messages) {
        this.rights = rights;
        this.vacancyPage = vacancyPage;
        this.referrals = referrals;
        this.board = board;
        this.matching = matching;
        this.pathways = pathways;
        this.workers = workers;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping(VacancyRoutes.REFERRALS)
    String processProposalForm(@PathVariable long id, @Valid @ModelAttribute("proposalForm") ProposalForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        board.get(user, id);
        if (result.hasErrors()) {
            referrals.requireProposer(user);
        } else {
            // A proposal the offer or the pathway refuses (already proposed, offer closed) comes back on the offer's
            // page as it now stands, with the reason; only what was typed wrong keeps the form open.
            try {
                Referral r = referrals.propose(user, id, form.pathwayId(), form.note());
                redirect.addFlashAttribute("flash", "referral.proposed");
                return "redirect:" + VacancyRoutes.referral(r.getId());
            } catch (DomainException e) {
                redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
            } catch (DataIntegrityViolationException e) {
                redirect.addFlashAttribute("problem", messages.t("referral.error.duplicate"));
            }
            return "redirect:" + VacancyRoutes.vacancy(id);
        }
        return vacancyPage.render(model, user, id,
                new OpenForm("proposal", Input.of(form, result), FormErrors.of(result, messages)));
    }

    @AuditedRead(value = "REFERRAL_VIEWED", record = "Referral", idVariable = "referralId")
    @GetMapping(VacancyRoutes.REFERRAL)
    String show(@PathVariable long referralId, Model model) {
        return page(model, currentUsers.require(), referralId, OpenForm.NONE);
    }

    /** The referral's page; {@code open} is the form that comes back with what was typed and its errors. */
    private String page(Model model, CurrentUser user, long referralId, OpenForm open) {
        Referral r = referrals.visible(user, referralId);
        Vacancy v = board.get(user, r.getVacancyId());
        PathwaySummary p = pathways.find(user, r.getPathwayId()).orElse(null);
        boolean referent = rights.canEdit(user, v);
        boolean pathwayStaff = p != null && rights.worksOn(user, p);
        model.addAttribute("referral", ReferralView.of(r));
        model.addAttribute("vacancy", VacancyView.of(v));
        model.addAttribute("worker", workers.find(r.getWorkerId()).map(WorkerSummary::displayName).orElse(""));
        model.addAttribute("pathway", p);
        model.addAttribute("caseReader", user.readsCaseFiles());
        model.addAttribute("history", referrals.history(referralId));
        model.addAttribute("canEvaluate", referent && !r.getStatus().isFinal());
        model.addAttribute("canWithdraw", pathwayStaff && !r.getStatus().isFinal());
        model.addAttribute("canClose", pathwayStaff && r.getStatus() == ReferralStatus.HIRED && !p.closed());
        model.addAttribute("today", Dates.today());
        model.addAttribute("open", open);
        return "vacancies/referral";
    }

    @PostMapping(VacancyRoutes.REFERRAL_OUTCOME)
    String processOutcomeForm(@PathVariable long referralId, @Valid @ModelAttribute("outcomeForm") OutcomeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        try {
            referrals.recordable(user, referralId, form.status(), form.version());
        } catch (DomainException e) {
            // Changed meanwhile: the page as it now stands says so (a form at the old version cannot succeed).
            return refused(redirect, referralId, e);
        }
        if (!result.hasErrors()) {
            try {
                referrals.record(user, referralId, form.version(), form.status(), form.reason());
                redirect.addFlashAttribute("flash", "referral.recorded");
                return "redirect:" + VacancyRoutes.referral(referralId);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        return page(model, user, referralId, new OpenForm("outcome", Input.of(form, result), FormErrors.of(result, messages)));
    }

    @PostMapping(VacancyRoutes.REFERRAL_HIRE)
    String processHireForm(@PathVariable long referralId, @Valid @ModelAttribute("hireForm") HireForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        long pathwayId;
        try {
            pathwayId = referrals.hirable(user, referralId, form.version());
        } catch (DomainException e) {
            return refused(redirect, referralId, e);
        }
        if (!result.hasErrors()) {
            try {
                referrals.closePathway(user, referralId, form.version(), form.onDate(), form.employerVat(),
                        form.contract(), form.weeklyHours(), form.hireStart(), form.durationMonths());
                redirect.addFlashAttribute("flash", "referral.pathwayClosed");
                return "redirect:" + PathwayRoutes.pathway(pathwayId);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        return page(model, user, referralId, new OpenForm("hire", Input.of(form, result), FormErrors.of(result, messages)));
    }

    private String refused(RedirectAttributes redirect, long referralId, DomainException e) {
        redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        return "redirect:" + VacancyRoutes.referral(referralId);
    }

    // ---- matching ----

    @AuditedRead(value = "PATHWAY_MATCHES_VIEWED", record = "Pathway", idVariable = "pathwayId")
    @GetMapping(VacancyRoutes.MATCHES)
    String matches(@PathVariable long pathwayId, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        PathwaySummary p = pathways.find(user, pathwayId).orElseThrow(NotFoundException::new);
        model.addAttribute("pathway", p);
        model.addAttribute("worker", workers.find(p.workerId()).map(WorkerSummary::displayName).orElse(""));
        model.addAttribute("matches", PageView.of(matching.forWorker(p.workerId(), PageView.safePage(page),
                PageView.DEFAULT_SIZE), m -> m, "", VacancyRoutes.matches(pathwayId)));
        model.addAttribute("canPropose", referrals.canPropose(user, p) && !p.closed());
        model.addAttribute("profileComplete", matching.profileComplete(p.workerId()));
        model.addAttribute("workerPage", WorkerRoutes.worker(p.workerId()));
        model.addAttribute("workerEdit", Paths.of(WorkerRoutes.WORKER_EDIT, p.workerId()));
        return "vacancies/matches";
    }

    @AuditedRead(value = "VACANCY_CANDIDATES_VIEWED", record = "Vacancy")
    @GetMapping(VacancyRoutes.CANDIDATES)
    String candidates(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        Vacancy v = board.get(user, id);
        Matching.requireCandidates(user);
        model.addAttribute("vacancy", VacancyView.of(v));
        // A vacancy referent sees of a candidate what the referral needs (name, place, the fit with the offer):
        // no codice fiscale, no way into the case file.
        model.addAttribute("caseReader", user.readsCaseFiles());
        model.addAttribute("candidates", PageView.of(matching.forVacancy(user, id, PageView.safePage(page),
                PageView.DEFAULT_SIZE), m -> m, "", VacancyRoutes.candidates(id)));
        model.addAttribute("proposable", v.getStatus().takesReferrals()
                ? pathways.openIdsFor(user) : Set.of());
        return "vacancies/candidates";
    }
}
