package it.ricolloca.conditionality.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.conditionality.Breach;
import it.ricolloca.conditionality.BreachStatus;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.conditionality.ConditionalityRoutes;
import it.ricolloca.conditionality.Sanction;
import it.ricolloca.conditionality.SuitableOffer;
import it.ricolloca.conditionality.TravelEstimates;
import it.ricolloca.conditionality.web.ConditionalityForms.DecisionForm;
import it.ricolloca.conditionality.web.ConditionalityForms.DecisionOutcome;
import it.ricolloca.conditionality.web.ConditionalityForms.JustificationForm;
import it.ricolloca.conditionality.web.ConditionalityForms.ReportForm;
import it.ricolloca.conditionality.web.ConditionalityForms.SuitabilityForm;
import it.ricolloca.shared.tabular.TabularDownload;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.Workers;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The competent CPI's queue of breaches, each breach with its justification and decision, and the CSV for INPS. */
@Controller
class ConditionalityController {

    private final Conditionality conditionality;
    private final CurrentUsers currentUsers;
    private final Workers workers;
    private final Messages messages;
    private final TravelEstimates travelEstimates;

    ConditionalityController(Conditionality conditionality, CurrentUsers currentUsers, Workers workers,
            Messages messages, TravelEstimates travelEstimates) {
        this.conditionality = conditionality;
        this.currentUsers = currentUsers;
        this.workers = workers;
        this.messages = messages;
        this.travelEstimates = travelEstimates;
    }

    @Bean
    static MenuEntry conditionalityMenuEntry() {
        return new MenuEntry(MenuArea.PATHWAYS, 70, "nav.conditionality", ConditionalityRoutes.QUEUE,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER", "CPI_OPERATOR"));
    }

    @Bean
    static MenuEntry suitabilityMenuEntry() {
        return new MenuEntry(MenuArea.PATHWAYS, 80, "nav.suitability", ConditionalityRoutes.SUITABILITY,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR"));
    }

    @AuditedRead(value = "BREACHES_LISTED", record = "Breach", idVariable = "")
    @GetMapping(ConditionalityRoutes.QUEUE)
    String queue(@RequestParam(required = false) BreachStatus status, @RequestParam(required = false) Integer page,
            Model model) {
        CurrentUser user = currentUsers.require();
        var found = conditionality.queue(user, status, PageView.safePage(page), PageView.DEFAULT_SIZE);
        model.addAttribute("breaches", PageView.of(found, b -> BreachView.of(b, Dates.today()), "",
                status == null ? ConditionalityRoutes.QUEUE : ConditionalityRoutes.QUEUE + "?status=" + status.name()));
        model.addAttribute("status", status);
        model.addAttribute("names", names(found.getContent()));
        model.addAttribute("canReport", conditionality.canReport(user));
        return "conditionality/queue";
    }

    @GetMapping(ConditionalityRoutes.NEW)
    String newForm(Model model) {
        conditionality.requireReporter(currentUsers.require());
        return newPage(model, ReportForm.empty(Dates.today()), FormErrors.NONE);
    }

    @PostMapping(ConditionalityRoutes.QUEUE)
    String report(@Valid @ModelAttribute("form") ReportForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        conditionality.requireReporter(user);
        if (!result.hasErrors()) {
            try {
                Breach b = conditionality.reportForPrivateProvider(user, form.taxCode(), form.provider().strip(),
                        form.kind(), form.occurredOn(), form.evidence());
                redirect.addFlashAttribute("flash", "conditionality.reported");
                return "redirect:" + ConditionalityRoutes.breach(b.getId());
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        return newPage(model, form, FormErrors.of(result, messages));
    }

    private String newPage(Model model, ReportForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "conditionality/new";
    }

    @AuditedRead(value = "BREACH_VIEWED", record = "Breach")
    @GetMapping(ConditionalityRoutes.BREACH)
    String breach(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Breach b = conditionality.get(user, id);
        return breachPage(model, user, b, null, JustificationForm.empty(Dates.today(), b.getVersion()),
                decisionForm(b), FormErrors.NONE);
    }

    /** Saves the suitable-offer finding on the offer a refusal breach is about. */
    @PostMapping(ConditionalityRoutes.FINDING)
    String finding(@PathVariable long id, @Valid @ModelAttribute("form") SuitabilityForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Breach b = conditionality.forJustification(user, id);
        if (form.offerDate() == null && !result.hasFieldErrors("offerDate")) {
            result.addError(new FieldError(result.getObjectName(), "offerDate", null, false,
                    result.resolveMessageCodes("suitability.finding.offerDate.required", "offerDate"), null, null));
        }
        if (!result.hasErrors()) {
            try {
                conditionality.recordFinding(user, id, form.facts(form.offerDate()), form.vacancyId(),
                        form.offerDescription());
                return done(redirect, id, "suitability.finding.recorded");
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            }
        }
        model.addAttribute("findingForm", form);
        model.addAttribute("findingTyped", FormValues.typed(result));
        model.addAttribute("findingErrors", FormErrors.of(result, messages));
        return breachPage(model, user, b, null, JustificationForm.empty(Dates.today(), b.getVersion()),
                decisionForm(b), FormErrors.NONE);
    }

    @AuditedRead(value = "BREACH_EXPORTS_LISTED", record = "Breach", idVariable = "")
    @GetMapping(ConditionalityRoutes.EXPORTS)
    String exports(Model model) {
        CurrentUser user = currentUsers.require();
        model.addAttribute("exports", conditionality.exports(user, 100));
        model.addAttribute("from", LocalDate.of(Dates.today().getYear(), 1, 1));
        model.addAttribute("to", Dates.today());
        return "conditionality/exports";
    }

    @PostMapping(ConditionalityRoutes.JUSTIFICATION)
    String justification(@PathVariable long id, @Valid @ModelAttribute("form") JustificationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Breach b = conditionality.forJustification(user, id);
        if (!result.hasErrors()) {
            try {
                conditionality.recordJustification(user, id, form.version(), form.text(), form.receivedOn());
                return done(redirect, id, "conditionality.justification.recorded");
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        return breachPage(model, user, conditionality.get(user, id), "justification", form,
                decisionForm(b), FormErrors.of(result, messages));
    }

    @PostMapping(ConditionalityRoutes.DECISION)
    String decision(@PathVariable long id, @Valid @ModelAttribute("form") DecisionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        Breach b = conditionality.forDecision(user, id);
        if (form.outcome() == DecisionOutcome.SANCTION && form.sanction() == null && !result.hasFieldErrors("sanction")) {
            result.addError(new FieldError(result.getObjectName(), "sanction", null, false,
                    result.resolveMessageCodes("conditionality.sanction.required", "sanction"), null, null));
        }
        if (!result.hasErrors()) {
            try {
                if (form.outcome() == DecisionOutcome.ACCEPT) {
                    conditionality.acceptJustification(user, id, form.version(), form.reason());
                } else if (form.outcome() == DecisionOutcome.CLOSE) {
                    conditionality.closeAfterDecadenza(user, id, form.version(), form.reason());
                } else {
                    conditionality.applySanction(user, id, form.version(), form.sanction(), form.reason());
                }
                return done(redirect, id, "conditionality.decided.done");
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        return breachPage(model, user, conditionality.get(user, id), "decision",
                JustificationForm.empty(Dates.today(), b.getVersion()), form, FormErrors.of(result, messages));
    }

    private String breachPage(Model model, CurrentUser user, Breach b, String failed, JustificationForm justification,
            DecisionForm decision, FormErrors errors) {
        model.addAttribute("breach", BreachView.of(b, Dates.today()));
        model.addAttribute("worker", names(List.of(b)).get(b.getWorkerId()));
        model.addAttribute("proposal", proposal(b));
        model.addAttribute("canInstruct", conditionality.canInstruct(user, b.getCompetentCentreId()));
        model.addAttribute("canDecide", conditionality.canDecide(user, b.getCompetentCentreId()));
        model.addAttribute("justification", justification);
        model.addAttribute("decision", decision);
        model.addAttribute("justificationErrors", "justification".equals(failed) ? errors : FormErrors.NONE);
        model.addAttribute("decisionErrors", "decision".equals(failed) ? errors : FormErrors.NONE);
        model.addAttribute("decadenza", conditionality.decadenza(b.getWorkerId())
                .filter(d -> !d.getId().equals(b.getId())).map(d -> BreachView.of(d, Dates.today())).orElse(null));
        model.addAttribute("findings", conditionality.findings(user, b.getId()).stream().map(FindingView::of).toList());
        if (!model.containsAttribute("findingForm")) {
            model.addAttribute("findingForm", SuitabilityForm.EMPTY);
            model.addAttribute("findingTyped", Map.<String, String>of());
            model.addAttribute("findingErrors", FormErrors.NONE);
        }
        return "conditionality/breach";
    }

    private DecisionForm decisionForm(Breach b) {
        Sanction proposal = proposal(b);
        return proposal == null && b.getStatus() == BreachStatus.REPORTED
                ? new DecisionForm(DecisionOutcome.CLOSE, null, "", b.getVersion())
                : DecisionForm.empty(proposal, b.getVersion());
    }

    private Sanction proposal(Breach b) {
        return b.getStatus() == BreachStatus.REPORTED ? conditionality.proposal(b) : b.getProposedSanction();
    }

    private static String done(RedirectAttributes redirect, long id, String key) {
        redirect.addFlashAttribute("flash", key);
        return "redirect:" + ConditionalityRoutes.breach(id);
    }

    @AuditedRead(value = "BREACH_DECISIONS_DOWNLOADED", record = "Breach", idVariable = "")
    @GetMapping(ConditionalityRoutes.CSV)
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        CurrentUser user = currentUsers.require();
        LocalDate f = FormValues.date(from).orElse(LocalDate.of(2015, 1, 1));
        LocalDate t = FormValues.date(to).orElse(Dates.today());
        return TabularDownload.written("decisioni-condizionalita-" + Dates.today() + ".csv", TabularDownload.CSV,
                out -> conditionality.writeDecisions(user, f, t, messages::t, out));
    }

    // ---- suitable offer ----

    @GetMapping(ConditionalityRoutes.SUITABILITY)
    String suitabilityForm(Model model) {
        currentUsers.require();
        model.addAttribute("form", SuitabilityForm.EMPTY);
        model.addAttribute("typed", Map.<String, String>of());
        model.addAttribute("errors", FormErrors.NONE);
        return "conditionality/suitability";
    }

    /** Checks an offer against the rules in force on its date; nothing is stored (a finding on a breach is). */
    @PostMapping(ConditionalityRoutes.SUITABILITY)
    String suitability(@Valid @ModelAttribute("form") SuitabilityForm form, BindingResult result, Model model) {
        currentUsers.require();
        if (!result.hasErrors()) {
            LocalDate offer = form.offerDate() == null ? Dates.today() : form.offerDate();
            if (form.namesBothMunicipalities()) {
                var estimate = travelEstimates.estimate(form.homeMunicipality(), form.offerMunicipality(), offer);
                if (estimate.isPresent()) {
                    form = form.withEstimate(estimate.get().km(), estimate.get().minutes());
                    model.addAttribute("estimate", estimate.get());
                } else {
                    model.addAttribute("estimateMissing", true);
                }
            }
            SuitableOffer.Limits limits = conditionality.suitabilityLimits(offer);
            var results = SuitableOffer.evaluate(form.facts(offer), limits);
            model.addAttribute("results", results);
            model.addAttribute("overall", SuitableOffer.overall(results));
            model.addAttribute("limits", limits);
            model.addAttribute("rules", SuitableOffer.Rules.on(offer));
        }
        model.addAttribute("form", form);
        model.addAttribute("typed", FormValues.typed(result));
        model.addAttribute("errors", FormErrors.of(result, messages));
        return "conditionality/suitability";
    }

    private Map<Long, String> names(List<Breach> breaches) {
        Map<Long, String> names = new HashMap<>();
        workers.summaries(breaches.stream().map(Breach::getWorkerId).toList())
                .forEach((id, s) -> names.put(id, s.listName() + " (" + s.taxCode() + ")"));
        return names;
    }
}
