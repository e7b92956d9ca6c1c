package it.ricolloca.training.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.NotFoundException;
import it.ricolloca.shared.acts.ActGuard;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.MenuArea;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.training.TrainingContent;
import it.ricolloca.training.TrainingRefusedException;
import it.ricolloca.training.TrainingRoutes;
import it.ricolloca.training.internal.TrainingCertificates;
import it.ricolloca.training.internal.TrainingRights;
import it.ricolloca.training.internal.TrainingWork;
import it.ricolloca.training.web.TrainingForms.AttendanceForm;
import it.ricolloca.training.web.TrainingForms.AttendanceRow;
import it.ricolloca.training.web.TrainingForms.CourseForm;
import it.ricolloca.training.web.TrainingForms.EnrolForm;
import it.ricolloca.training.web.TrainingForms.SessionForm;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The training pages: courses, a course's sessions, a session's enrolments and attendance, certificates, coverage. */
@Controller
class TrainingController {

    static final String ENROL = "enrol";
    static final String ATTENDANCE = "attendance";
    static final String WITHDRAW = "withdraw";

    private final TrainingWork work;
    private final TrainingRights rights;
    private final TrainingCertificates certificates;
    private final CurrentUsers currentUsers;
    private final Messages messages;

    TrainingController(TrainingWork work, TrainingRights rights, TrainingCertificates certificates,
            CurrentUsers currentUsers, Messages messages) {
        this.work = work;
        this.rights = rights;
        this.certificates = certificates;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry trainingMenuEntry() {
        return new MenuEntry(MenuArea.NETWORK, 20, "nav.training", TrainingRoutes.COURSES, Set.of());
    }

    @GetMapping(TrainingRoutes.COURSES)
    String courses(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        return coursesPage(model, currentUsers.require(), q, page, FailedForm.NONE);
    }

    @PostMapping(TrainingRoutes.COURSES)
    String processCourseForm(@Valid @ModelAttribute("course") CourseForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        ActGuard.require(rights.canManage(user), "training");
        Long id = act(result, () -> work.createCourse(user, form.title(), form.content(), form.description(),
                form.hours()));
        if (id != null) {
            redirect.addFlashAttribute("flash", "training.course.created");
            return "redirect:" + TrainingRoutes.course(id);
        }
        return coursesPage(model, user, null, null, FailedForm.of("course", result, FormErrors.of(result, messages),
                "title", form.title(), "content", form.content(), "description", form.description(), "hours",
                form.hours()));
    }

    private String coursesPage(Model model, CurrentUser user, String q, String page, FailedForm failed) {
        String query = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
        var found = work.courses(query, PageView.safePage(page(page)), PageView.DEFAULT_SIZE);
        model.addAttribute("courses", PageView.of(found, c -> c,
                query.isBlank() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), TrainingRoutes.COURSES));
        model.addAttribute("q", query);
        model.addAttribute("canManage", rights.canManage(user));
        model.addAttribute("contents", TrainingContent.values());
        model.addAttribute("form", failed);
        return "training/courses";
    }

    @GetMapping(TrainingRoutes.COURSE)
    String course(@PathVariable long id, Model model) {
        return coursePage(model, currentUsers.require(), id, FailedForm.NONE);
    }

    @PostMapping(TrainingRoutes.SESSIONS)
    String processSessionForm(@PathVariable long id, @Valid @ModelAttribute("session") SessionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        ActGuard.require(rights.canManage(user), "training");
        work.course(id);
        Long session = act(result, () -> work.addSession(user, id, form.onDate(), form.start(), form.end(), form.place(),
                form.isOnline(), form.trainer(), form.capacity()));
        if (session != null) {
            redirect.addFlashAttribute("flash", "training.session.created");
            return "redirect:" + TrainingRoutes.session(session);
        }
        return coursePage(model, user, id, FailedForm.of("session", result, FormErrors.of(result, messages), "onDate",
                form.onDate(), "start", form.start(), "end", form.end(), "place", form.place(), "online",
                form.isOnline() ? "on" : "", "trainer", form.trainer(), "capacity", form.capacity()));
    }

    private String coursePage(Model model, CurrentUser user, long id, FailedForm failed) {
        model.addAttribute("course", work.course(id));
        model.addAttribute("sessions", work.sessions(id));
        model.addAttribute("canManage", rights.canManage(user));
        model.addAttribute("today", Dates.today());
        model.addAttribute("form", failed);
        return "training/course";
    }

    @GetMapping(TrainingRoutes.SESSION)
    String session(@PathVariable long id, Model model) {
        return sessionPage(model, currentUsers.require(), id, FailedForm.NONE);
    }

    @PostMapping(TrainingRoutes.ENROLMENTS)
    String processEnrolForm(@PathVariable long id, @Valid @ModelAttribute("enrol") EnrolForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        ActGuard.require(rights.canEnrol(user), "training");
        work.session(id);
        if (!result.hasErrors() && work.candidates(user, id).stream()
                .noneMatch(c -> String.valueOf(c.id()).equals(form.who().strip()))) {
            // only someone the list offers: a typed username, another CPI's or an already enrolled person is not
            result.rejectValue("who", "training.enrol.notListed");
        }
        if (act(result, () -> work.enrol(user, id, form.who())) != null) {
            return done(redirect, id, "training.enrolled.done");
        }
        return sessionPage(model, user, id, FailedForm.of(ENROL, result, FormErrors.of(result, messages), "who",
                form.who()));
    }

    @PostMapping(TrainingRoutes.ATTENDANCE)
    String processAttendanceForm(@PathVariable long id, @Valid @ModelAttribute("attendance") AttendanceForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        ActGuard.require(rights.canManage(user), "training");
        work.session(id);
        Map<Long, Boolean> attended = new LinkedHashMap<>();
        List<Object> typed = new ArrayList<>();
        for (AttendanceRow row : form.rows()) {
            if (row != null && row.enrolmentId() != null) {
                attended.put(row.enrolmentId(), Boolean.TRUE.equals(row.attended()));
                typed.add("attended." + row.enrolmentId());
                typed.add(Boolean.TRUE.equals(row.attended()) ? "true" : "");
            }
        }
        if (act(result, () -> {
            work.recordAttendance(user, id, form.version(), attended);
            return id;
        }) != null) {
            return done(redirect, id, "training.attendance.recorded");
        }
        return sessionPage(model, user, id, FailedForm.of(ATTENDANCE, result, FormErrors.of(result, messages),
                typed.toArray()));
    }

    @PostMapping(TrainingRoutes.WITHDRAW)
    String processWithdrawal(@PathVariable long id, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        long session = work.sessionOf(id);
        BindingResult result = new MapBindingResult(new LinkedHashMap<>(), WITHDRAW);
        if (act(result, () -> work.withdraw(user, id)) != null) {
            return done(redirect, session, "training.withdrawn");
        }
        return sessionPage(model, user, session, FailedForm.of(WITHDRAW, result, FormErrors.of(result, messages)));
    }

    private String sessionPage(Model model, CurrentUser user, long id, FailedForm failed) {
        TrainingWork.Session s = work.session(id);
        model.addAttribute("session", s);
        model.addAttribute("enrolled", work.enrolled(user, id));
        model.addAttribute("candidates", work.candidates(user, id));
        model.addAttribute("canManage", rights.canManage(user));
        model.addAttribute("canEnrol", rights.canEnrol(user) && !s.onDate().isBefore(Dates.today()) && s.free() > 0);
        model.addAttribute("attendanceOpen", !s.onDate().isAfter(Dates.today()));
        model.addAttribute("today", Dates.today());
        model.addAttribute("canWithdraw", rights.canEnrol(user));
        model.addAttribute("form", failed);
        return "training/session";
    }

    @GetMapping(TrainingRoutes.CERTIFICATE)
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        CurrentUser user = currentUsers.require();
        TrainingWork.Enrolled enrolled;
        try {
            enrolled = work.certificateOf(user, id);
        } catch (TrainingRefusedException e) {
            throw new NotFoundException();
        }
        byte[] pdf = certificates.render(enrolled, work.session(work.sessionOf(id)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("attestato-" + enrolled.username() + "-" + id + ".pdf")
                        .build().toString()).body(pdf);
    }

    @GetMapping(TrainingRoutes.COVERAGE)
    String coverage(Model model) {
        ActGuard.require(rights.canManage(currentUsers.require()), "training");
        model.addAttribute("rows", work.coverage());
        return "training/coverage";
    }

    /**
     * Runs the act when the form has no field error; its result, or null when it was refused by a
     * rule or outraced by another user (the reason then on the form, nothing saved).
     */
    private static <T> T act(BindingResult result, Supplier<T> act) {
        if (result.hasErrors()) {
            return null;
        }
        try {
            return act.get();
        } catch (DomainException e) {
            result.reject(e.messageKey(), e.args(), null);
        } catch (OptimisticLockingFailureException e) {
            result.reject("form.stale");
        }
        return null;
    }

    private static String done(RedirectAttributes redirect, long sessionId, String key) {
        redirect.addFlashAttribute("flash", key);
        return "redirect:" + TrainingRoutes.session(sessionId);
    }

    private static Integer page(String text) {
        return text == null || !text.matches("\\d{1,6}") ? null : Integer.valueOf(text);
    }
}
