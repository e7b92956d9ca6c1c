package it.ricolloca.vacancies.web;

import it.ricolloca.audit.AuditedRead;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.Pathways;
import it.ricolloca.pathway.Pathways.PathwaySummary;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.vacancies.Referral;
import it.ricolloca.vacancies.ReferralStatus;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyRoutes;
import it.ricolloca.vacancies.internal.Matching;
import it.ricolloca.vacancies.internal.Referrals;
import it.ricolloca.vacancies.internal.VacancyBoard;
import it.ricolloca.workers.WorkerSummary;
import it.ricolloca.workers.Workers;
import java.math.BigDecimal;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
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
    private final Matching matching;
    private final Pathways pathways;
    private final Workers workers;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    ReferralController(Referrals referrals, VacancyBoard board, Matching matching, Pathways pathways, Workers workers,
            CurrentUsers currentUsers, Messages messages) {
        this.referrals = referrals;
        this.board = board;
        this.matching = matching;
        this.pathways = pathways;
        this.workers = workers;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping(VacancyRoutes.REFERRALS)
    String propose(@PathVariable long id, @RequestParam(defaultValue = "") String pathwayId,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        board.get(user, id);
        Long pathway = VacancyController.longOrNull(pathwayId);
        if (pathway == null) {
            if (pathways.openFor(user, 1).isEmpty()) {
                throw new AccessDeniedException("referral");
            }
            redirect.addFlashAttribute("problem", messages.t("referral.error.worker"));
            return "redirect:" + VacancyRoutes.vacancy(id);
        }
        PathwaySummary p = pathways.find(user, pathway).orElseThrow(NotFoundException::new);
        if (!referrals.canPropose(user, p)) {
            throw new AccessDeniedException("referral");
        }
        try {
            Referral r = referrals.propose(user, id, pathway, note);
            redirect.addFlashAttribute("flash", "referral.proposed");
            return "redirect:" + VacancyRoutes.referral(r.getId());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        } catch (DataIntegrityViolationException e) {
            redirect.addFlashAttribute("problem", messages.t("referral.error.duplicate"));
        }
        return "redirect:" + VacancyRoutes.vacancy(id);
    }

    @AuditedRead(value = "REFERRAL_VIEWED", record = "Referral", idVariable = "referralId")
    @GetMapping(VacancyRoutes.REFERRAL)
    String show(@PathVariable long referralId, Model model) {
        CurrentUser user = currentUsers.require();
        Referral r = referrals.visible(user, referralId);
        Vacancy v = board.get(user, r.getVacancyId());
        PathwaySummary p = pathways.find(user, r.getPathwayId()).orElse(null);
        boolean referent = board.canEdit(user, v);
        boolean pathwayStaff = p != null && pathways.canWork(user, p);
        model.addAttribute("referral", r);
        model.addAttribute("vacancy", v);
        model.addAttribute("worker", workers.find(r.getWorkerId()).map(WorkerSummary::displayName).orElse(""));
        model.addAttribute("pathway", p);
        model.addAttribute("caseReader", user.readsCaseFiles());
        model.addAttribute("history", referrals.history(referralId));
        model.addAttribute("canEvaluate", referent && !r.getStatus().isFinal());
        model.addAttribute("canWithdraw", pathwayStaff && !r.getStatus().isFinal());
        model.addAttribute("canClose", pathwayStaff && r.getStatus() == ReferralStatus.HIRED && !p.closed());
        model.addAttribute("today", Dates.today());
        return "vacancies/referral";
    }

    @PostMapping(VacancyRoutes.REFERRAL_OUTCOME)
    String outcome(@PathVariable long referralId, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Referral r = referrals.visible(user, referralId);
        ReferralStatus to = VacancyController.option(ReferralStatus.class, status);
        boolean referent = board.canEdit(user, board.get(user, r.getVacancyId()));
        boolean pathwayStaff = pathways.find(user, r.getPathwayId()).filter(p -> pathways.canWork(user, p)).isPresent();
        if (!referent && !pathwayStaff) {
            throw new AccessDeniedException("referral");
        }
        try {
            referrals.record(user, referralId, version, to, reason);
            redirect.addFlashAttribute("flash", "referral.recorded");
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("problem", messages.t("vacancy.stale"));
        }
        return "redirect:" + VacancyRoutes.referral(referralId);
    }

    @PostMapping(VacancyRoutes.REFERRAL_HIRE)
    String hire(@PathVariable long referralId, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String onDate, @RequestParam(defaultValue = "") String employerVat,
            @RequestParam(defaultValue = "") String contract, @RequestParam(defaultValue = "") String weeklyHours,
            @RequestParam(defaultValue = "") String hireStart, @RequestParam(defaultValue = "") String durationMonths,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Referral r = referrals.visible(user, referralId);
        if (pathways.find(user, r.getPathwayId()).filter(p -> pathways.canWork(user, p)).isEmpty()) {
            throw new AccessDeniedException("referral");
        }
        try {
            referrals.closePathway(user, referralId, version, FormValues.date(onDate).orElse(Dates.today()),
                    employerVat, VacancyController.option(ContractType.class, contract), decimal(weeklyHours),
                    FormValues.date(hireStart).orElse(null), integer(durationMonths));
            redirect.addFlashAttribute("flash", "referral.pathwayClosed");
            return "redirect:/pathways/" + r.getPathwayId();
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("problem", messages.t("vacancy.stale"));
        }
        return "redirect:" + VacancyRoutes.referral(referralId);
    }

    private static BigDecimal decimal(String s) {
        try {
            return s.isBlank() ? null : new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
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
        return "vacancies/matches";
    }

    @AuditedRead(value = "VACANCY_CANDIDATES_VIEWED", record = "Vacancy")
    @GetMapping(VacancyRoutes.CANDIDATES)
    String candidates(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        Vacancy v = board.get(user, id);
        if (!user.isRegional() && user.centreId() == null) {
            throw new AccessDeniedException("vacancies");
        }
        model.addAttribute("vacancy", v);
        // A vacancy referent sees of a candidate what the referral needs (name, place, the fit with the offer):
        // no codice fiscale, no way into the case file.
        model.addAttribute("caseReader", user.readsCaseFiles());
        model.addAttribute("candidates", PageView.of(matching.forVacancy(user, id, PageView.safePage(page),
                PageView.DEFAULT_SIZE), m -> m, "", "/vacancies/" + id + "/candidates"));
        model.addAttribute("proposable", v.getStatus().takesReferrals()
                ? pathways.openFor(user, 5000).stream().map(Pathways.Followed::pathwayId).collect(java.util.stream.Collectors.toSet())
                : java.util.Set.of());
        return "vacancies/candidates";
    }
}
