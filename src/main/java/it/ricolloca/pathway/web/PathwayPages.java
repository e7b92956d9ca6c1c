package it.ricolloca.pathway.web;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwaySection;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.agenda.AgendaRoutes;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentPurpose;
import it.ricolloca.pathway.PactStatus;
import it.ricolloca.pathway.PathwayTab;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.pathway.web.PathwayViews.NextStep;
import it.ricolloca.pathway.web.PathwayViews.PageForms;
import it.ricolloca.pathway.web.PathwayViews.PathwayPage;
import it.ricolloca.pathway.web.PathwayViews.Typed;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.FormErrors;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.workers.Workers;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** One tab of the page of one pathway, fresh or with the form that failed shown as typed with its errors. */
@Component
class PathwayPages {

    private final PathwayWork work;
    private final StaffDirectory staff;
    private final Workers workers;
    private final JobCentres centres;
    private final Messages messages;
    private final List<PathwaySection.Provider> sectionProviders;

    PathwayPages(PathwayWork work, StaffDirectory staff, Workers workers, JobCentres centres, Messages messages,
            List<PathwaySection.Provider> sectionProviders) {
        this.work = work;
        this.staff = staff;
        this.workers = workers;
        this.centres = centres;
        this.messages = messages;
        this.sectionProviders = sectionProviders;
    }

    String show(Model model, CurrentUser user, long id, PathwayTab tab) {
        Pathway p = work.get(user, id);
        return render(model, user, p, tab, PageForms.of(p, Dates.today()));
    }

    /** The tab of the form that failed, with {@code form} (named {@code name}) as typed and its errors. */
    String failed(Model model, CurrentUser user, long id, String name, Object form, BindingResult result) {
        Pathway p = work.get(user, id);
        return render(model, user, p, PathwayViews.tabOf(name), PageForms.of(p, Dates.today()).failed(name, form,
                FormErrors.of(result, messages), Typed.of(result)));
    }

    private String render(Model model, CurrentUser user, Pathway p, PathwayTab tab, PageForms forms) {
        boolean canAssign = work.canAssignTutor(user, p);
        boolean overview = tab == PathwayTab.OVERVIEW;
        List<SearchPact> pacts = work.pacts(p);
        List<Appointment> appointments = work.appointments(p);
        LocalDate plannedEnd = work.plannedEnd(p).orElse(null);
        model.addAttribute("page", new PathwayPage(p,
                workers.find(p.getWorkerId()).orElseThrow(),
                centres.office(p.getOfficeId()).orElseThrow(),
                p.getTutorUserId() == null ? null : staff.find(p.getTutorUserId()).orElse(null),
                work.serviceStart(p).orElse(null), appointments, pacts, overview ? work.tutorHistory(p) : List.of(),
                work.canWork(user, p), canAssign,
                canAssign && overview ? staff.withRole(p.getCentreId(), Role.CPI_TUTOR) : List.of(),
                Dates.today(), plannedEnd, tab, p.allowedActs(pacts), next(p, pacts, appointments, plannedEnd),
                sectionProviders.stream().filter(s -> s.tab() == tab)
                        .map(s -> s.section(user, p.getId(), p.getWorkerId())).filter(Objects::nonNull).toList(),
                forms));
        return "pathway/pathway";
    }

    /** What comes next on the pathway, in the order of the service: start, tutor, pact, meetings, outcome. */
    private NextStep next(Pathway p, List<SearchPact> pacts, List<Appointment> appointments, LocalDate plannedEnd) {
        long id = p.getId();
        if (p.isClosed()) {
            return new NextStep(messages.t("pathway.next.closed", Dates.format(p.getClosedOn()),
                    messages.t(p.getOutcome().labelKey())), PathwayTab.OUTCOME.href(id));
        }
        if (p.getStartedOn() == null) {
            Appointment first = appointments.stream().filter(a -> a.getPurpose() == AppointmentPurpose.FIRST).findFirst()
                    .orElse(null);
            return first == null ? new NextStep(messages.t("pathway.next.book"), PathwayTab.APPOINTMENTS.href(id))
                    : new NextStep(messages.t("pathway.next.first", Dates.format(first.getStartsAt())),
                            AgendaRoutes.appointment(first.getId()));
        }
        if (p.getTutorUserId() == null) {
            return new NextStep(messages.t("pathway.next.tutor"), PathwayTab.OVERVIEW.href(id) + "#tutor-heading");
        }
        if (p.isSuspended()) {
            return new NextStep(messages.t("pathway.next.suspended"), PathwayTab.OVERVIEW.href(id) + "#service-heading");
        }
        if (pacts.stream().noneMatch(x -> x.getStatus() == PactStatus.SIGNED)) {
            return new NextStep(messages.t("pathway.next.pact", Dates.format(work.pactLastDay(p.getStartedOn()))),
                    PathwayTab.PACT.href(id));
        }
        return new NextStep(messages.t("pathway.next.meetings", plannedEnd == null ? "" : Dates.format(plannedEnd)),
                PathwayTab.MEETINGS.href(id));
    }
}
