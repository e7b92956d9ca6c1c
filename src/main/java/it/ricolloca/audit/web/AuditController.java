package it.ricolloca.audit.web;

import it.ricolloca.audit.AuditRoutes;
import it.ricolloca.audit.AuditVerification;
import it.ricolloca.audit.internal.AuditQueries;
import it.ricolloca.audit.internal.AuditVerifier;
import it.ricolloca.shared.progress.Progress;
import it.ricolloca.shared.progress.ProgressBoard;
import it.ricolloca.shared.web.PageView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The regional administrator reads the trail and verifies its chain. */
@Controller
@PreAuthorize("hasRole('REGIONAL_ADMIN')")
class AuditController {

    private final AuditQueries queries;
    private final AuditVerifier verifier;
    private final ProgressBoard progressBoard;

    AuditController(AuditQueries queries, AuditVerifier verifier, ProgressBoard progressBoard) {
        this.progressBoard = progressBoard;
        this.queries = queries;
        this.verifier = verifier;
    }

    @GetMapping(AuditRoutes.ENTRIES)
    String entries(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("entries", PageView.of(
                queries.search(query, PageView.safePage(page), PageView.DEFAULT_SIZE), e -> e, query, AuditRoutes.ENTRIES));
        return "audit/entries";
    }

    @PostMapping(AuditRoutes.VERIFY)
    String verify(@RequestParam(name = ProgressBoard.FIELD, required = false) String progressToken,
            RedirectAttributes redirect) {
        Progress progress = progressBoard.track(progressToken, "audit");
        AuditVerification result = verifier.verifyAndRecord(progress);
        progress.finish();
        redirect.addFlashAttribute("verification", result);
        return "redirect:" + AuditRoutes.ENTRIES;
    }
}
