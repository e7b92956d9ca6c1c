package it.ricolloca.accounts.web;

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

    @GetMapping(AccountRoutes.LOGIN)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String disabled, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String limited, Model model) {
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
                    : error != null ? "login.error" : null;
            waitFor = locked == null ? 0 : locked.matches("\\d{1,4}") ? Integer.parseInt(locked) : 15;
        }
        model.addAttribute("errorKey", notice);
        model.addAttribute("waitFor", waitFor);
        model.addAttribute("loggedOut", logout != null);
        return "accounts/login";
    }
}
