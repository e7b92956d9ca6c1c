package it.ricolloca.training.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FlashActs;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.training.TrainingContent;
import it.ricolloca.training.TrainingRefusedException;
import it.ricolloca.training.TrainingRoutes;
import it.ricolloca.training.internal.TrainingCertificates;
import it.ricolloca.training.internal.TrainingWork;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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

/** The training pages: courses, a course's sessions, a session's enrolments and attendance, certificates, coverage. */
@Controller
class TrainingController {

    private final TrainingWork work;
    private final TrainingCertificates certificates;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    TrainingController(TrainingWork work, TrainingCertificates certificates, CurrentUsers currentUsers, Messages messages) {
        this.work = work;
        this.certificates = certificates;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry trainingMenuEntry() {
        return new MenuEntry(70, "nav.training", TrainingRoutes.COURSES, Set.of());
    }

    @GetMapping(TrainingRoutes.COURSES)
    String courses(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        CurrentUser user = currentUsers.require();
        String query = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
        var found = work.courses(query, PageView.safePage(page(page)), PageView.DEFAULT_SIZE);
        model.addAttribute("courses", PageView.of(found, c -> c,
                query.isBlank() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), TrainingRoutes.COURSES));
        model.addAttribute("q", query);
        model.addAttribute("canManage", work.canManage(user));
        model.addAttribute("contents", TrainingContent.values());
        return "training/courses";
    }

    @PostMapping(TrainingRoutes.COURSES)
    String createCourse(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String content,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String hours,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!work.canManage(user)) {
            throw new AccessDeniedException("training");
        }
        try {
            long id = work.createCourse(user, title, content(content), description, hours);
            redirect.addFlashAttribute("flash", "training.course.created");
            return "redirect:" + TrainingRoutes.course(id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
            redirect.addFlashAttribute("form", Map.of("title", title, "description", description, "hours", hours));
            return "redirect:" + TrainingRoutes.COURSES;
        }
    }

    @GetMapping(TrainingRoutes.COURSE)
    String course(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        model.addAttribute("course", work.course(id));
        model.addAttribute("sessions", work.sessions(id));
        model.addAttribute("canManage", work.canManage(user));
        model.addAttribute("today", Dates.today());
        return "training/course";
    }

    @PostMapping(TrainingRoutes.SESSIONS)
    String addSession(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!work.canManage(user)) {
            throw new AccessDeniedException("training");
        }
        try {
            long session = work.addSession(user, id, FormValues.date(form.get("onDate")).orElse(null), time(form.get("start")),
                    time(form.get("end")), form.get("place"), "on".equals(form.get("online")), form.get("trainer"),
                    form.get("capacity"));
            redirect.addFlashAttribute("flash", "training.session.created");
            return "redirect:" + TrainingRoutes.session(session);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", messages.t(e.messageKey(), e.args()));
            Map<String, String> typed = new LinkedHashMap<>();
            for (String field : new String[] {"onDate", "start", "end", "place", "online", "trainer", "capacity"}) {
                String v = form.getOrDefault(field, "");
                typed.put(field, v.length() > 300 ? v.substring(0, 300) : v);
            }
            redirect.addFlashAttribute("form", typed);
            return "redirect:" + TrainingRoutes.course(id);
        }
    }

    @GetMapping(TrainingRoutes.SESSION)
    String session(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        TrainingWork.Session s = work.session(id);
        model.addAttribute("session", s);
        model.addAttribute("enrolled", work.enrolled(user, id));
        model.addAttribute("candidates", work.candidates(user, id));
        model.addAttribute("canManage", work.canManage(user));
        model.addAttribute("canEnrol", work.canEnrol(user) && !s.onDate().isBefore(Dates.today()) && s.free() > 0);
        model.addAttribute("attendanceOpen", !s.onDate().isAfter(Dates.today()));
        model.addAttribute("today", Dates.today());
        model.addAttribute("canWithdraw", work.canEnrol(user));
        return "training/session";
    }

    @PostMapping(TrainingRoutes.ENROLMENTS)
    String enrol(@PathVariable long id, @RequestParam(defaultValue = "") String who, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!work.canEnrol(user)) {
            throw new AccessDeniedException("training");
        }
        work.session(id);
        return act(id, redirect, "training.enrolled.done", () -> work.enrol(user, id, who));
    }

    @PostMapping(TrainingRoutes.ATTENDANCE)
    String attendance(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!work.canManage(user)) {
            throw new AccessDeniedException("training");
        }
        work.session(id);
        Map<Long, Boolean> attended = new LinkedHashMap<>();
        for (TrainingWork.Enrolled e : work.enrolled(user, id)) {
            attended.put(e.id(), "yes".equals(form.get("attended-" + e.id())));
        }
        return act(id, redirect, "training.attendance.recorded", () -> work.recordAttendance(user, id, version, attended));
    }

    @PostMapping(TrainingRoutes.WITHDRAW)
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        long session = work.sessionOf(id);
        return act(session, redirect, "training.withdrawn", () -> work.withdraw(user, id));
    }

    @GetMapping(TrainingRoutes.CERTIFICATE)
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        CurrentUser user = currentUsers.require();
        TrainingWork.Enrolled enrolled;
        try {
            enrolled = work.certificateOf(user, id);
        } catch (TrainingRefusedException e) {
            throw new it.ricolloca.shared.NotFoundException();
        }
        byte[] pdf = certificates.render(enrolled, work.session(work.sessionOf(id)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("attestato-" + enrolled.username() + "-" + id + ".pdf")
                        .build().toString()).body(pdf);
    }

    @GetMapping(TrainingRoutes.COVERAGE)
    String coverage(Model model) {
        CurrentUser user = currentUsers.require();
        if (!work.canManage(user)) {
            throw new AccessDeniedException("training");
        }
        model.addAttribute("rows", work.coverage());
        return "training/coverage";
    }

    private String act(long sessionId, RedirectAttributes redirect, String done, Runnable act) {
        FlashActs.run(messages, redirect, done, "training.stale", act);
        return "redirect:" + TrainingRoutes.session(sessionId);
    }

    private static TrainingContent content(String text) {
        try {
            return TrainingContent.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalTime time(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer page(String text) {
        return text == null || !text.matches("\\d{1,6}") ? null : Integer.valueOf(text);
    }
}
