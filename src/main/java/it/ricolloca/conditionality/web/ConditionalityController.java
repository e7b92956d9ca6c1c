package it.ricolloca.conditionality.web;

import it.ricolloca.audit.AuditedRead;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.conditionality.Breach;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.Conditionality;
import it.ricolloca.conditionality.ConditionalityRefusedException;
import it.ricolloca.conditionality.ConditionalityRoutes;
import it.ricolloca.conditionality.Sanction;
import it.ricolloca.conditionality.SuitableOffer;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FlashActs;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.Workers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
    private final Parameters parameters;

    ConditionalityController(Conditionality conditionality, CurrentUsers currentUsers, Workers workers,
            Messages messages, Parameters parameters) {
        this.parameters = parameters;
        this.conditionality = conditionality;
        this.currentUsers = currentUsers;
        this.workers = workers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry conditionalityMenuEntry() {
        return new MenuEntry(29, "nav.conditionality", ConditionalityRoutes.QUEUE,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER", "CPI_OPERATOR"));
    }

    @Bean
    static MenuEntry suitabilityMenuEntry() {
        return new MenuEntry(31, "nav.suitability", ConditionalityRoutes.SUITABILITY,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR"));
    }

    @AuditedRead(value = "BREACHES_LISTED", record = "Breach", idVariable = "")
    @GetMapping(ConditionalityRoutes.QUEUE)
    String queue(@RequestParam(required = false) Integer page, Model model) {
        CurrentUser user = currentUsers.require();
        var found = conditionality.queue(user, PageView.safePage(page), PageView.DEFAULT_SIZE);
        model.addAttribute("breaches", PageView.of(found, b -> b, "", ConditionalityRoutes.QUEUE));
        model.addAttribute("names", names(found.getContent()));
        model.addAttribute("canReport", user.centreId() != null && conditionality.canInstruct(user, user.centreId()));
        model.addAttribute("today", Dates.today());
        return "conditionality/queue";
    }

    @GetMapping(ConditionalityRoutes.NEW)
    String newForm(Model model) {
        CurrentUser user = currentUsers.require();
        if (user.centreId() == null || !conditionality.canInstruct(user, user.centreId())) {
            throw new AccessDeniedException("conditionality");
        }
        model.addAttribute("today", Dates.today());
        return "conditionality/new";
    }

    @PostMapping(ConditionalityRoutes.QUEUE)
    String report(@RequestParam(defaultValue = "") String taxCode, @RequestParam(defaultValue = "") String provider,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String occurredOn,
            @RequestParam(defaultValue = "") String evidence, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (user.centreId() == null || !conditionality.canInstruct(user, user.centreId())) {
            throw new AccessDeniedException("conditionality");
        }
        try {
            Breach b = conditionality.reportForPrivateProvider(user, taxCode, provider, kind(kind), date(occurredOn),
                    evidence);
            redirect.addFlashAttribute("flash", "conditionality.reported");
            return "redirect:" + ConditionalityRoutes.breach(b.getId());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
            return "redirect:" + ConditionalityRoutes.NEW;
        }
    }

    @AuditedRead(value = "BREACH_VIEWED", record = "Breach")
    @GetMapping(ConditionalityRoutes.BREACH)
    String breach(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Breach b = conditionality.get(user, id);
        model.addAttribute("breach", b);
        model.addAttribute("worker", names(java.util.List.of(b)).get(b.getWorkerId()));
        model.addAttribute("proposal", b.getStatus() == it.ricolloca.conditionality.BreachStatus.REPORTED
                ? conditionality.proposal(b) : b.getProposedSanction());
        model.addAttribute("canInstruct", conditionality.canInstruct(user, b.getCompetentCentreId()));
        model.addAttribute("canDecide", conditionality.canDecide(user, b.getCompetentCentreId()));
        model.addAttribute("decidable", b.decidable(Dates.today()));
        model.addAttribute("today", Dates.today());
        return "conditionality/breach";
    }

    @PostMapping(ConditionalityRoutes.JUSTIFICATION)
    String justification(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String receivedOn,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!conditionality.canInstruct(user, conditionality.get(user, id).getCompetentCentreId())) {
            throw new AccessDeniedException("conditionality");
        }
        return act(id, redirect, "conditionality.justification.recorded",
                () -> conditionality.recordJustification(user, id, version, text, date(receivedOn)));
    }

    @PostMapping(ConditionalityRoutes.DECISION)
    String decision(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String sanction,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!conditionality.canDecide(user, conditionality.get(user, id).getCompetentCentreId())) {
            throw new AccessDeniedException("conditionality");
        }
        return act(id, redirect, "conditionality.decided.done", () -> {
            if ("ACCEPT".equals(outcome)) {
                conditionality.acceptJustification(user, id, version, reason);
            } else {
                Sanction s;
                try {
                    s = Sanction.valueOf(sanction);
                } catch (IllegalArgumentException e) {
                    throw new ConditionalityRefusedException("conditionality.sanction.required");
                }
                conditionality.applySanction(user, id, version, s, reason);
            }
        });
    }

    @AuditedRead(value = "BREACH_DECISIONS_DOWNLOADED", record = "Breach", idVariable = "")
    @GetMapping(ConditionalityRoutes.CSV)
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        CurrentUser user = currentUsers.require();
        LocalDate f = FormValues.date(from).orElse(LocalDate.of(2015, 1, 1));
        LocalDate t = FormValues.date(to).orElse(Dates.today());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("decisioni-condizionalita-" + Dates.today() + ".csv").build().toString())
                .body(conditionality.decisionsCsv(user, f, t, messages::t).getBytes(StandardCharsets.UTF_8));
    }

    // ---- suitable offer ----

    @GetMapping(ConditionalityRoutes.SUITABILITY)
    String suitabilityForm(Model model) {
        currentUsers.require();
        model.addAttribute("form", Map.<String, String>of());
        return "conditionality/suitability";
    }

    @PostMapping(ConditionalityRoutes.SUITABILITY)
    String suitability(@RequestParam Map<String, String> form, Model model) {
        currentUsers.require();
        Map<String, String> f = new java.util.HashMap<>(form);
        f.remove("_csrf");
        f.replaceAll((k, v) -> v.length() > 50 ? v.substring(0, 50) : v.strip());
        LocalDate offer = FormValues.date(f.get("offerDate")).orElse(Dates.today());
        SuitableOffer.Facts facts = new SuitableOffer.Facts(FormValues.date(f.get("unemployedSince")).orElse(null),
                offer, yesNo(f.get("experience")), yesNo(f.get("skills")), number(f.get("distanceKm")),
                integer(f.get("travelMinutes")), yesNo(f.get("permanent")), integer(f.get("durationMonths")),
                number(f.get("offeredHours")), number(f.get("lastHours")), number(f.get("offeredPay")),
                number(f.get("collectiveMinimum")), number(f.get("benefit")));
        SuitableOffer.Limits limits = new SuitableOffer.Limits(
                parameters.integer(Parameter.SUITABLE_DISTANCE_KM_FIRST_YEAR, offer),
                parameters.integer(Parameter.SUITABLE_TRAVEL_MINUTES_FIRST_YEAR, offer),
                parameters.integer(Parameter.SUITABLE_DISTANCE_KM_LATER, offer),
                parameters.integer(Parameter.SUITABLE_TRAVEL_MINUTES_LATER, offer));
        var results = SuitableOffer.evaluate(facts, limits);
        model.addAttribute("form", f);
        model.addAttribute("results", results);
        model.addAttribute("overall", SuitableOffer.overall(results));
        model.addAttribute("limits", limits);
        return "conditionality/suitability";
    }

    private static Boolean yesNo(String text) {
        return "yes".equals(text) ? Boolean.TRUE : "no".equals(text) ? Boolean.FALSE : null;
    }

    private static java.math.BigDecimal number(String text) {
        try {
            java.math.BigDecimal n = text == null || text.isBlank() ? null : new java.math.BigDecimal(text.replace(',', '.'));
            return n == null || n.signum() < 0 || n.compareTo(new java.math.BigDecimal("1000000")) > 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        java.math.BigDecimal n = number(text);
        return n == null ? null : n.intValue();
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable act) {
        FlashActs.run(messages, redirect, done, "conditionality.stale", act);
        return "redirect:" + ConditionalityRoutes.breach(id);
    }

    private Map<Long, String> names(java.util.List<Breach> breaches) {
        Map<Long, String> names = new java.util.HashMap<>();
        breaches.forEach(b -> names.computeIfAbsent(b.getWorkerId(),
                w -> workers.find(w).map(s -> s.listName() + " (" + s.taxCode() + ")").orElse("")));
        return names;
    }

    private static BreachKind kind(String text) {
        try {
            return BreachKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ConditionalityRefusedException("conditionality.kind.required");
        }
    }

    private static LocalDate date(String text) {
        return FormValues.date(text).orElseThrow(() -> new ConditionalityRefusedException("conditionality.date.invalid"));
    }
}
