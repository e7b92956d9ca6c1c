package it.ricolloca.claims.web;

import it.ricolloca.audit.AuditedRead;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.claims.Claim;
import it.ricolloca.claims.ClaimKind;
import it.ricolloca.claims.ClaimRefusedException;
import it.ricolloca.claims.ClaimRoutes;
import it.ricolloca.claims.ClaimStatus;
import it.ricolloca.claims.internal.ClaimRegister;
import it.ricolloca.claims.internal.ClaimWork;
import it.ricolloca.documents.DocumentKind;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.Upload;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FlashActs;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.Workers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The claims register of a CPI (of the network for the region), its XLSX, and each claim with its acts. */
@Controller
class ClaimController {

    private final ClaimWork work;
    private final ClaimRegister register;
    private final CurrentUsers currentUsers;
    private final Workers workers;
    private final JobCentres centres;
    private final Dossier dossier;
    private final Messages messages;

    ClaimController(ClaimWork work, ClaimRegister register, CurrentUsers currentUsers, Workers workers,
            JobCentres centres, Dossier dossier, Messages messages) {
        this.work = work;
        this.register = register;
        this.currentUsers = currentUsers;
        this.workers = workers;
        this.centres = centres;
        this.dossier = dossier;
        this.messages = messages;
    }

    @Bean
    static MenuEntry claimsMenuEntry() {
        return new MenuEntry(55, "nav.claims", ClaimRoutes.REGISTER,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER", "CPI_OPERATOR"));
    }

    @AuditedRead(value = "CLAIMS_LISTED", record = "Claim", idVariable = "")
    @GetMapping(ClaimRoutes.REGISTER)
    String register(@RequestParam Map<String, String> params, Model model) {
        CurrentUser user = registerUser();
        ClaimRegister.Filter filter = filter(params);
        var found = register.page(user, filter, PageView.safePage(page(params.get("page"))), PageView.DEFAULT_SIZE);
        model.addAttribute("claims", PageView.of(found, l -> l, query(filter), ClaimRoutes.REGISTER));
        model.addAttribute("totals", register.totals(user, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("query", query(filter));
        model.addAttribute("centres", user.scopeCentreId() == null ? centres.all() : List.<CentreSummary>of());
        return "claims/register";
    }

    @AuditedRead(value = "CLAIMS_DOWNLOADED", record = "Claim", idVariable = "")
    @GetMapping(ClaimRoutes.REGISTER_XLSX)
    ResponseEntity<byte[]> xlsx(@RequestParam Map<String, String> params) throws IOException {
        CurrentUser user = registerUser();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        register.xlsx(user, filter(params), messages::t, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("registro-rimborsi-" + Dates.today() + ".xlsx").build().toString())
                .body(out.toByteArray());
    }

    @AuditedRead(value = "CLAIM_VIEWED", record = "Claim")
    @GetMapping(ClaimRoutes.CLAIM)
    String claim(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Claim c = work.get(user, id);
        model.addAttribute("claim", c);
        model.addAttribute("worker", workers.find(c.getWorkerId()).map(w -> w.listName() + " (" + w.taxCode() + ")")
                .orElse(""));
        model.addAttribute("office", centres.office(c.getOfficeId()).map(o -> o.centreName() + " – " + o.name()).orElse(""));
        model.addAttribute("attachments", work.attachments(c));
        model.addAttribute("missing", c.getStatus() == ClaimStatus.PREPARED ? c.missing() : List.<String>of());
        model.addAttribute("cap", c.getKind() == ClaimKind.FEE_FOR_SERVICE ? work.officeCap(c.getOfficeId()) : null);
        model.addAttribute("canPrepare", work.canPrepare(user, c.getCentreId()));
        model.addAttribute("canSubmit", work.canSubmit(user, c.getCentreId()));
        model.addAttribute("canDecide", work.canDecide(user, c.getCentreId()));
        model.addAttribute("maxMegabytes", dossier.maxUploadBytes() / (1024 * 1024));
        model.addAttribute("today", Dates.today());
        return "claims/claim";
    }

    @PostMapping(ClaimRoutes.PROFILING)
    String profiling(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String index, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return act(id, redirect, "claim.profiling.recorded", () -> work.recordProfiling(user, id, version, index));
    }

    @PostMapping(ClaimRoutes.ATTACHMENT)
    String attachment(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String kind, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!work.canPrepare(user, work.get(user, id).getCentreId())) {
            throw new AccessDeniedException("claim");
        }
        return act(id, redirect, "claim.attachment.saved", () -> work.attach(user, id, version, kind(kind), Upload.of(file)));
    }

    @PostMapping(ClaimRoutes.REVIEW)
    String review(@PathVariable long id, @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return act(id, redirect, "claim.reviewed", () -> work.review(user, id, version));
    }

    @PostMapping(ClaimRoutes.SUBMIT)
    String submit(@PathVariable long id, @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        return act(id, redirect, "claim.submitted", () -> work.submit(user, id, version));
    }

    @PostMapping(ClaimRoutes.PAYMENT)
    String payment(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String on,
            RedirectAttributes redirect) {
        CurrentUser user = decider(id);
        return act(id, redirect, "claim.paid", () -> work.recordPayment(user, id, version, amount, date(on)));
    }

    @PostMapping(ClaimRoutes.REFUSAL)
    String refusal(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String on,
            RedirectAttributes redirect) {
        CurrentUser user = decider(id);
        return act(id, redirect, "claim.refused", () -> work.recordRefusal(user, id, version, reason, date(on)));
    }

    private CurrentUser registerUser() {
        CurrentUser user = currentUsers.require();
        if (!work.canUseRegister(user)) {
            throw new AccessDeniedException("claims");
        }
        return user;
    }

    /** Rights are checked by the service before anything changes; a refusal comes back as a message. */
    private String act(long id, RedirectAttributes redirect, String done, Runnable act) {
        FlashActs.run(messages, redirect, done, "claim.stale", act);
        return "redirect:" + ClaimRoutes.claim(id);
    }

    /** The national agency's answer: only its recorders, checked before any form value is read. */
    private CurrentUser decider(long id) {
        CurrentUser user = currentUsers.require();
        if (!work.canDecide(user, work.get(user, id).getCentreId())) {
            throw new AccessDeniedException("claim");
        }
        return user;
    }

    private static ClaimRegister.Filter filter(Map<String, String> p) {
        return new ClaimRegister.Filter(p.get("q"), parse(ClaimStatus.class, p.get("status")),
                parse(ClaimKind.class, p.get("kind")), longOrNull(p.get("centre")));
    }

    private static String query(ClaimRegister.Filter f) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", f.q());
        add(parts, "status", f.status() == null ? null : f.status().name());
        add(parts, "kind", f.kind() == null ? null : f.kind().name());
        add(parts, "centre", f.centre() == null ? null : f.centre().toString());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return text == null || text.isBlank() ? null : Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long longOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer page(String text) {
        Long n = longOrNull(text);
        return n == null || n > Integer.MAX_VALUE ? null : n.intValue();
    }

    private static DocumentKind kind(String text) {
        return "TIMESHEET_SIGNED".equals(text) ? DocumentKind.TIMESHEET_SIGNED
                : "PACT_SIGNED".equals(text) ? DocumentKind.PACT_SIGNED : null;
    }

    private static LocalDate date(String text) {
        return FormValues.date(text).orElseThrow(() -> new ClaimRefusedException("claim.decision.date"));
    }
}
