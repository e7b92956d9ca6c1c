package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.internal.CalendarFeeds;
import it.ricolloca.pathway.internal.PathwayRights;
import it.ricolloca.pathway.web.PathwayForms.FeedForm;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.web.Paths;
import it.ricolloca.shared.web.Messages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Calendar feeds: the user's list, creation (the address is shown once), revocation, and the public ICS by token. */
@Controller
class CalendarFeedController {

    private final CalendarFeeds feeds;
    private final CurrentUsers currentUsers;
    private final JobCentres centres;
    private final PathwayRights rights;
    private final Messages messages;

    CalendarFeedController(CalendarFeeds feeds, CurrentUsers currentUsers, JobCentres centres,
            Messages messages, PathwayRights rights) {
        this.rights = rights;
        this.messages = messages;
        this.feeds = feeds;
        this.currentUsers = currentUsers;
        this.centres = centres;
    }

    @GetMapping(PathwayRoutes.FEEDS)
    String list(Model model) {
        return page(model, currentUsers.require(), null);
    }

    @PostMapping(PathwayRoutes.FEEDS)
    String create(@ModelAttribute("form") FeedForm form, BindingResult result, HttpServletRequest request,
            Model model) {
        CurrentUser user = currentUsers.require();
        if (result.hasErrors()) {
            throw new NotFoundException();
        }
        boolean fullNames = Boolean.TRUE.equals(form.fullNames());
        String token = form.officeId() == null ? feeds.createTutorFeed(user, fullNames)
                : feeds.createOfficeFeed(user, form.officeId(), fullNames);
        String base = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return page(model, user, base + Paths.of(PathwayRoutes.CALENDAR, token));
    }

    @PostMapping(PathwayRoutes.FEED_REVOKE)
    String revoke(@PathVariable long feedId, RedirectAttributes redirect) {
        feeds.revoke(currentUsers.require(), feedId);
        redirect.addFlashAttribute("flash", "pathway.feeds.revoked");
        return "redirect:" + PathwayRoutes.FEEDS;
    }

    @GetMapping(PathwayRoutes.CALENDAR)
    ResponseEntity<String> calendar(@PathVariable String token) {
        return feeds.ics(token)
                .map(ics -> ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noStore()).body(ics))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body(messages.t("pathway.feeds.notFound")));
    }

    private String page(Model model, CurrentUser user, String createdUrl) {
        model.addAttribute("feeds", feeds.feeds(user));
        model.addAttribute("isTutor", rights.canFollowOwnAppointments(user));
        model.addAttribute("offices", user.centreId() == null || !rights.canWork(user, user.centreId()) ? List.of()
                : centres.offices().stream().filter(o -> o.centreId() == user.centreId()).toList());
        model.addAttribute("createdUrl", createdUrl);
        return "pathway/feeds";
    }
}
