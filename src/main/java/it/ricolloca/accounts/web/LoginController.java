package it.ricolloca.accounts.web;

import it.ricolloca.accounts.internal.SignInOptions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; a signed-in user who opens it goes home. */
@Controller
class LoginController {

    private final SignInOptions options;

    LoginController(SignInOptions options) {
        this.options = options;
    }

    @GetMapping(AccountRoutes.LOGIN)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String disabled, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String limited, @RequestParam(required = false) String passwordsOff,
            Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:" + AccountRoutes.HOME;
        }
        String notice;
        int waitFor; // the number the message shows: seconds for login.limited, minutes for the others
        if (limited != null) { // too many sign-ins from this source in a short time: seconds to wait (SourceLimitFilter)
            int seconds = limited.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(limited)) : 60;
            notice = seconds < 120 ? "login.limited" : "login.limitedMinutes";
            waitFor = seconds < 120 ? seconds : (seconds + 59) / 60;
        } else {
            notice = locked != null ? "login.locked" : disabled != null ? "login.disabled"
                    : error != null ? "login.error" : passwordsOff != null ? "login.passwordsOff" : null;
            waitFor = locked == null ? 0 : locked.matches("\\d{1,4}") ? Integer.parseInt(locked) : 15;
        }
        model.addAttribute("errorKey", notice);
        model.addAttribute("waitFor", waitFor);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("singleSignOn", options.singleSignOn());
        model.addAttribute("localPasswords", options.localPasswords());
        return "accounts/login";
    }

    /** A person the regional provider signed in, whom Ricolloca refuses: why, in Italian, and no session. */
    @GetMapping(AccountRoutes.SSO_REFUSED)
    String refused(@RequestParam(name = "motivo", required = false) String reason, Model model,
            HttpServletResponse response) {
        String key = "sconosciuto".equals(reason) ? "login.sso.refused.unknown"
                : "disattivato".equals(reason) ? "login.sso.refused.disabled" : "login.sso.refused.error";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("messageKey", key);
        return "accounts/ssoRefused";
    }
}
