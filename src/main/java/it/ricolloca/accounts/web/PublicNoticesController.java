package it.ricolloca.accounts.web;

import it.ricolloca.network.JobCentres;
import it.ricolloca.network.RegionalAgency;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The two pages every public administration's service links from its footer, open without signing in: the
 * accessibility statement (AgID model, L. 4/2004) and the privacy notice (GDPR art. 13 and 14). The agency
 * that runs the network is the controller and the addressee of feedback.
 */
@Controller
class PublicNoticesController {

    private final JobCentres centres;

    PublicNoticesController(JobCentres centres) {
        this.centres = centres;
    }

    @GetMapping(AccountRoutes.ACCESSIBILITY)
    String accessibility(Model model) {
        model.addAttribute("agencyEmail", agencyEmail());
        return "accounts/accessibility";
    }

    @GetMapping(AccountRoutes.PRIVACY_NOTICE)
    String privacyNotice(Model model) {
        model.addAttribute("agencyEmail", agencyEmail());
        return "accounts/privacy-notice";
    }

    /** The agency's address, or empty when the network has not recorded one. */
    private String agencyEmail() {
        return centres.regionalAgency().map(RegionalAgency::getEmail).filter(e -> !e.isBlank()).orElse("");
    }
}
