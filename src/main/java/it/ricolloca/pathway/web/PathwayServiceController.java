package it.ricolloca.pathway.web;

import it.ricolloca.audit.AuditedRead;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.accounts.Role;
import it.ricolloca.parameters.Parameter;
import it.ricolloca.parameters.Parameters;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.MeetingStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.internal.PathwayQueries;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormValues;
import it.ricolloca.shared.web.MenuEntry;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.shared.web.PageView;
import it.ricolloca.workers.Workers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The six months of the service: the tutor's worklist against the meeting rule, the meeting
 * register, the extension, suspensions and resumptions, and the closing outcome.
 */
@Controller
class PathwayServiceController {

    private final PathwayWork work;
    private final PathwayQueries queries;
    private final CurrentUsers currentUsers;
    private final Parameters parameters;
    private final Workers workers;
    private final Messages messages;
    private final it.ricolloca.conditionality.Conditionality conditionality;
    private final PathwayActs acts;
    private final it.ricolloca.network.JobCentres centres;

    PathwayServiceController(PathwayWork work, PathwayQueries queries, CurrentUsers currentUsers, Parameters parameters,
            Workers workers, Messages messages, it.ricolloca.conditionality.Conditionality conditionality,
            it.ricolloca.network.JobCentres centres, PathwayActs acts) {
        this.acts = acts;
        this.conditionality = conditionality;
        this.centres = centres;
        this.work = work;
        this.queries = queries;
        this.currentUsers = currentUsers;
        this.parameters = parameters;
        this.workers = workers;
        this.messages = messages;
    }

    @Bean
    static MenuEntry worklistMenuEntry() {
        return new MenuEntry(23, "nav.worklist", PathwayRoutes.WORKLIST, Set.of("CPI_MASTER", "CPI_OPERATOR", "CPI_TUTOR"));
    }

    @AuditedRead(value = "PATHWAYS_WORKLIST_VIEWED", record = "Pathway", idVariable = "")
    @GetMapping(PathwayRoutes.WORKLIST)
    String worklist(@RequestParam(required = false) Boolean mine, @RequestParam(required = false) Integer page,
            Model model) {
        CurrentUser user = currentUsers.require();
        boolean onlyMine = mine == null ? user.hasRole(Role.CPI_TUTOR) : mine;
        LocalDate today = Dates.today();
        int every = parameters.integer(Parameter.MEETING_EVERY_DAYS, today);
        model.addAttribute("rows", PageView.of(queries.worklist(user, onlyMine, every,
                d -> parameters.integer(Parameter.SERVICE_MONTHS, d), PageView.safePage(page), 50), r -> r, "",
                PathwayRoutes.WORKLIST + "?mine=" + onlyMine));
        model.addAttribute("mine", onlyMine);
        model.addAttribute("every", every);
        return "pathway/worklist";
    }

    @AuditedRead(value = "PATHWAY_MEETINGS_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.MEETINGS)
    String meetings(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.get(user, id);
        LocalDate today = Dates.today();
        model.addAttribute("pathway", p);
        model.addAttribute("worker", workers.find(p.getWorkerId()).orElseThrow());
        model.addAttribute("canWork", work.canWork(user, p) && !p.isClosed() && p.getStartedOn() != null);
        model.addAttribute("minMinutes", parameters.integer(Parameter.MEETING_MIN_MINUTES, today));
        model.addAttribute("maxMinutes", parameters.integer(Parameter.MEETING_MAX_MINUTES, today));
        model.addAttribute("today", today);
        return "pathway/meetings";
    }

    @PostMapping(PathwayRoutes.MEETINGS)
    String recordMeeting(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String onDate, @RequestParam(defaultValue = "") String start,
            @RequestParam(defaultValue = "") String end, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String topics, @RequestParam(defaultValue = "") String actions,
            @RequestParam(defaultValue = "") String next, RedirectAttributes redirect) {
        String target = "redirect:/pathways/" + id + "/meetings";
        return act(id, redirect, "pathway.meeting.recorded", target, user -> {
            if (topics.length() > 2000 || actions.length() > 2000) {
                throw new PathwayRefusedException("pathway.text.tooLong");
            }
            work.recordMeeting(user, id, version, date(onDate), time(start), time(end), meetingStatus(status), topics,
                    actions, next.isBlank() ? null : date(next));
        });
    }

    @AuditedRead(value = "PATHWAY_DIARY_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.DIARY)
    String diary(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        Pathway p = work.get(user, id);
        model.addAttribute("pathway", p);
        model.addAttribute("worker", workers.find(p.getWorkerId()).orElseThrow());
        model.addAttribute("canWork", work.canWork(user, p) && !p.isClosed() && p.getStartedOn() != null);
        model.addAttribute("today", Dates.today());
        return "pathway/diary";
    }

    @PostMapping(PathwayRoutes.DIARY)
    String addDiaryEntry(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String onDate,
            @RequestParam(defaultValue = "") String how, @RequestParam(defaultValue = "") String company,
            @RequestParam(defaultValue = "") String profile, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "PAPER_DIARY") String source, RedirectAttributes redirect) {
        return act(id, redirect, "pathway.diary.added", "redirect:/pathways/" + id + "/diary", user -> {
            if (how.length() > 500 || company.length() > 300 || profile.length() > 200 || outcome.length() > 300) {
                throw new PathwayRefusedException("pathway.text.tooLong");
            }
            DiaryAction a;
            DiaryEntry.Source src;
            try {
                a = DiaryAction.valueOf(action);
                src = DiaryEntry.Source.valueOf(source);
            } catch (IllegalArgumentException e) {
                throw new PathwayRefusedException("pathway.diary.action.invalid");
            }
            work.addDiaryEntry(user, id, version, a, date(onDate), how, company, profile, outcome, src);
        });
    }

    @PostMapping(PathwayRoutes.DIARY_REVIEW)
    String reviewDiaryEntry(@PathVariable long id, @PathVariable long entryId,
            @RequestParam(defaultValue = "-1") long version, @RequestParam(defaultValue = "") String meetingId,
            RedirectAttributes redirect) {
        return act(id, redirect, "pathway.diary.reviewedDone", "redirect:/pathways/" + id + "/diary", user -> {
            long meeting;
            try {
                meeting = Long.parseLong(meetingId.strip());
            } catch (NumberFormatException e) {
                throw new PathwayRefusedException("pathway.diary.noMeeting");
            }
            work.reviewDiaryEntry(user, id, version, entryId, meeting);
        });
    }

    @AuditedRead(value = "PATHWAY_DIARY_DOWNLOADED", record = "Pathway")
    @GetMapping(PathwayRoutes.DIARY_PDF)
    org.springframework.http.ResponseEntity<byte[]> diaryPdf(@PathVariable long id) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename("diario-di-attivazione.pdf").build().toString())
                .body(work.diaryPdf(currentUsers.require(), id));
    }

    /** The provider reports a breach of the worker's duties to the competent CPI. */
    @PostMapping(PathwayRoutes.BREACH)
    String reportBreach(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String occurredOn, @RequestParam(defaultValue = "") String evidence,
            RedirectAttributes redirect) {
        return act(id, redirect, "pathway.breach.reported", null, user -> {
            Pathway p = work.get(user, id);
            it.ricolloca.conditionality.BreachKind k;
            try {
                k = it.ricolloca.conditionality.BreachKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new PathwayRefusedException("pathway.breach.kind");
            }
            conditionality.reportFromProvider(user.username(), p.getWorkerId(), p.getRequestId(),
                    centres.office(p.getOfficeId()).map(o -> o.label()).orElse(""), k, date(occurredOn), evidence);
        });
    }

    @PostMapping(PathwayRoutes.EXTEND)
    String extend(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(id, redirect, "pathway.extended", null, user -> {
            if (reason.length() > 2000) {
                throw new PathwayRefusedException("pathway.text.tooLong");
            }
            work.extend(user, id, version, reason);
        });
    }

    @PostMapping(PathwayRoutes.SUSPEND)
    String suspend(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String onDate, @RequestParam(defaultValue = "") String contract,
            @RequestParam(defaultValue = "") String employer, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return act(id, redirect, "pathway.suspended", null, user -> {
            if (note.length() > 2000) {
                throw new PathwayRefusedException("pathway.text.tooLong");
            }
            work.suspend(user, id, version, date(onDate), contract(contract), employer, note);
        });
    }

    @PostMapping(PathwayRoutes.RESUME)
    String resume(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String onDate, RedirectAttributes redirect) {
        return act(id, redirect, "pathway.resumed", null, user -> work.resume(user, id, version, date(onDate)));
    }

    @PostMapping(PathwayRoutes.CLOSE)
    String close(@PathVariable long id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String onDate,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String employer,
            @RequestParam(defaultValue = "") String employerVat, @RequestParam(defaultValue = "") String contract,
            @RequestParam(defaultValue = "") String weeklyHours, @RequestParam(defaultValue = "") String hireStart,
            @RequestParam(defaultValue = "") String durationMonths, RedirectAttributes redirect) {
        return act(id, redirect, "pathway.closedDone", null, user -> {
            PathwayOutcome o;
            try {
                o = PathwayOutcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new PathwayRefusedException("pathway.close.outcome");
            }
            Pathway.Hire hire = null;
            if (o == PathwayOutcome.HIRED) {
                try {
                    hire = new Pathway.Hire(employer, employerVat, contract(contract),
                            new BigDecimal(weeklyHours.strip().replace(',', '.')), date(hireStart),
                            durationMonths.isBlank() ? null : Integer.valueOf(durationMonths.strip()));
                } catch (NumberFormatException e) {
                    throw new PathwayRefusedException("pathway.close.hireDetails");
                }
            }
            if (note.length() > 2000) {
                throw new PathwayRefusedException("pathway.text.tooLong");
            }
            work.close(user, id, version, o, date(onDate), note, hire);
        });
    }

    private String act(long id, RedirectAttributes redirect, String done, String target, PathwayActs.Act act) {
        return acts.run(id, redirect, done, target, act);
    }

    private static LocalDate date(String text) {
        return FormValues.date(text).orElseThrow(() -> new PathwayRefusedException("pathway.date.invalid"));
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new PathwayRefusedException("pathway.meeting.times");
        }
    }

    private static MeetingStatus meetingStatus(String text) {
        try {
            return MeetingStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new PathwayRefusedException("pathway.meeting.status");
        }
    }

    private static ContractType contract(String text) {
        try {
            return ContractType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new PathwayRefusedException("pathway.suspend.contract");
        }
    }
}
