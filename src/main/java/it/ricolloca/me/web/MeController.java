package it.ricolloca.me.web;

import it.ricolloca.accounts.WorkerPrincipal;
import it.ricolloca.shared.web.MeRoutes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worker's way in (ADR 0040): the sign-in page with the regional provider's button (SPID, CIE), the page
 * that says why a person is not let in, and the home of the worker's pages.
 */
@Controller
class MeController {

    /** The public sign-in page; after signing out it says so. A signed-in worker goes straight to their home. */
    @GetMapping(MeRoutes.SIGN_IN)
    String signIn(@RequestParam(name = "uscita", required = false) String signedOut, Model model) {
        if (WorkerPrincipal.current().isPresent()) {
            return "redirect:" + MeRoutes.HOME;
        }
        model.addAttribute("signedOut", signedOut != null);
        return "me/sign-in";
    }

    /** The home of the worker's pages: a way to each section. */
    @GetMapping(MeRoutes.HOME)
    String home() {
        return "me/home";
    }

    /** A person the provider signed in whom Ricolloca does not let in: why, in Italian, and no session. */
    @GetMapping(MeRoutes.REFUSED)
    String refused(@RequestParam(name = "motivo", required = false) String reason, Model model,
            HttpServletResponse response) {
        String key = "sconosciuto".equals(reason) ? "me.refused.unknown"
                : "chiuso".equals(reason) ? "me.refused.closed" : "me.refused.error";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("messageKey", key);
        return "me/refused";
    }
}
