package it.ricolloca.claims.web;

import it.ricolloca.audit.AuditedRead;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.claims.Claim;
import it.ricolloca.claims.ClaimKind;
import it.ricolloca.claims.ClaimRoutes;
import it.ricolloca.claims.ClaimStatus;
import it.ricolloca.claims.internal.ClaimRegister;
import it.ricolloca.claims.internal.ClaimRights;
import it.ricolloca.claims.internal.ClaimWork;
import it.ricolloca.claims.internal.ClaimWork.Right;
import it.ricolloca.claims.web.ClaimForms.AttachmentForm;
import it.ricolloca.claims.web.ClaimForms.PaymentForm;
import it.ricolloca.claims.web.ClaimForms.ProfilingForm;
import it.ricolloca.claims.web.ClaimForms.RefusalForm;
import it.ricolloca.claims.web.ClaimForms.VersionForm;
import it.ricolloca.documents.Dossier;
import it.ricolloca.documents.Upload;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.shared.tabular.TabularDownload;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.tabular.TabularFormat;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.Workers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
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

/** The claims register of a CPI (of the network for the region), its XLSX, and each claim with its acts. */
@Controller
class ClaimController {

    private final ClaimWork work;
    private final ClaimRegister register;
    private final ClaimRights rights;
    private final CurrentUsers currentUsers;
    private final Workers workers;
    private final JobCentres centres;
    private final Dossier dossier;
    private final Messages messages;

    ClaimController(ClaimWork work, ClaimRegister register, ClaimRights rights, CurrentUsers currentUsers,
            Workers workers, JobCentres centres, Dossier dossier, Messages messages) {
        this.work = work;
        this.rights = rights;
        this.register = register;
        this.currentUsers = currentUsers;
        this.workers = workers;
        this.centres = centres;
        this.dossier = dossier;
        this.messages = messages;
    }

    @Bean
    static MenuEntry claimsMenuEntry() {
        return new MenuEntry(MenuArea.CLAIMS, 10, "nav.claims", ClaimRoutes.REGISTER,
                Set.of("REGIONAL_ADMIN", "REGIONAL_ADR_SERVICE", "CPI_MASTER", "CPI_OPERATOR"));
    }

    @AuditedRead(value = "CLAIMS_LISTED", record = "Claim", idVariable = "")
    @GetMapping(ClaimRoutes.REGISTER)
    String register(@RequestParam Map<String, String> params, Model model) {
        CurrentUser user = registerUser();
        ClaimRegister.Filter filter = filter(params);
        var found = register.listing(user, filter, PageView.safePage(page(params.get("page"))), PageView.DEFAULT_SIZE);
        model.addAttribute("claims", PageView.of(found.page(), l -> l, query(filter), ClaimRoutes.REGISTER));
        model.addAttribute("totals", found.totals());
        model.addAttribute("filter", filter);
        model.addAttribute("query", query(filter));
        model.addAttribute("centres", user.scopeCentreId() == null ? centres.all() : List.<CentreSummary>of());
        return "claims/register";
    }

    @AuditedRead(value = "CLAIMS_DOWNLOADED", record = "Claim", idVariable = "")
    @GetMapping({ClaimRoutes.REGISTER_XLSX, ClaimRoutes.REGISTER_ODS})
    ResponseEntity<byte[]> xlsx(@RequestParam Map<String, String> params, HttpServletRequest request) {
        CurrentUser user = registerUser();
        ClaimRegister.Filter filter = filter(params);
        TabularFormat format = TabularFormat.ofPath(request.getRequestURI());
        return TabularDownload.written(format.fileName("registro-rimborsi-" + Dates.today()), format.mediaType(),
                out -> register.workbook(user, filter, messages::t, format, out));
    }

    @AuditedRead(value = "CLAIM_VIEWED", record = "Claim")
    @GetMapping(ClaimRoutes.CLAIM)
    String claim(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        return page(model, user, work.get(user, id), null, Map.of(), FormErrors.NONE);
    }

    @PostMapping(ClaimRoutes.PROFILING)
    String processProfilingForm(@PathVariable long id, @Valid @ModelAttribute("profiling") ProfilingForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return act(id, Right.PREPARE, ClaimPage.PROFILING, new Object[] {"index", form.index()}, result, model, redirect,
                "claim.profiling.recorded",
                user -> work.recordProfiling(user, id, form.version(), form.index()));
    }

    @PostMapping(ClaimRoutes.ATTACHMENT)
    String processAttachmentForm(@PathVariable long id, @Valid @ModelAttribute("attachment") AttachmentForm form,
            BindingResult result, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        return act(id, Right.PREPARE, ClaimPage.ATTACHMENT, new Object[] {"kind", form.kind()}, result, model, redirect,
                "claim.attachment.saved",
                user -> work.attach(user, id, form.version(), form.kind(), Upload.of(file)));
    }

    @PostMapping(ClaimRoutes.REVIEW)
    String processReviewForm(@PathVariable long id, @ModelAttribute("review") VersionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return act(id, Right.PREPARE, ClaimPage.REVIEW, new Object[0], result, model, redirect, "claim.reviewed",
                user -> work.review(user, id, form.version()));
    }

    @PostMapping(ClaimRoutes.SUBMIT)
    String processSubmitForm(@PathVariable long id, @ModelAttribute("submit") VersionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return act(id, Right.SUBMIT, ClaimPage.SUBMIT, new Object[0], result, model, redirect, "claim.submitted",
                user -> work.submit(user, id, form.version()));
    }

    @PostMapping(ClaimRoutes.PAYMENT)
    String processPaymentForm(@PathVariable long id, @Valid @ModelAttribute("payment") PaymentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return act(id, Right.DECIDE, ClaimPage.PAYMENT, new Object[] {"amount", form.amount(), "on", form.on()}, result, model,
                redirect, "claim.paid",
                user -> work.recordPayment(user, id, form.version(), form.amount(), form.on()));
    }

    @PostMapping(ClaimRoutes.REFUSAL)
    String processRefusalForm(@PathVariable long id, @Valid @ModelAttribute("refusal") RefusalForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return act(id, Right.DECIDE, ClaimPage.REFUSAL, new Object[] {"reason", form.reason(), "on", form.on()}, result, model,
                redirect, "claim.refused",
                user -> work.recordRefusal(user, id, form.version(), form.reason(), form.on()));
    }

    private CurrentUser registerUser() {
        CurrentUser user = currentUsers.require();
        ActGuard.require(rights.canUseRegister(user), "claims");
        return user;
    }

    /**
     * Runs an act of the claim's page: the right is checked before any form value is read (404 or
     * 403); done, back to the page with its message; a field error or a refusal shows the page
     * again with the form as the user filled it and the reason.
     */
    private String act(long id, Right right, String formName, Object[] bound, BindingResult result,
            Model model, RedirectAttributes redirect, String done, Consumer<CurrentUser> act) {
        CurrentUser user = currentUsers.require();
        work.allowed(user, id, right);
        if (!result.hasErrors()) {
            try {
                act.accept(user);
                redirect.addFlashAttribute("flash", done);
                return "redirect:" + ClaimRoutes.claim(id);
            } catch (DomainException e) {
                result.reject(e.messageKey(), e.args(), null);
            } catch (OptimisticLockingFailureException e) {
                result.reject("form.stale");
            }
        }
        return page(model, user, work.get(user, id), formName, FormValues.shown(result, bound), FormErrors.of(result, messages));
    }

    private String page(Model model, CurrentUser user, Claim c, String failed, Map<String, String> values,
            FormErrors errors) {
        model.addAttribute("page", new ClaimPage(ClaimView.of(c),
                workers.find(c.getWorkerId()).map(w -> w.listName() + " (" + w.taxCode() + ")").orElse(""),
                centres.office(c.getOfficeId()).map(o -> o.centreName() + " – " + o.name()).orElse(""),
                work.attachments(c), c.getStatus() == ClaimStatus.PREPARED ? c.missing() : List.of(),
                c.getKind() == ClaimKind.FEE_FOR_SERVICE ? work.officeCap(c.getOfficeId()) : null,
                rights.canPrepare(user, c.getCentreId()), rights.canSubmit(user, c.getCentreId()),
                rights.canDecide(user, c.getCentreId()), dossier.maxUploadBytes() / (1024 * 1024), Dates.today(), failed,
                values, errors));
        return "claims/claim";
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
}
